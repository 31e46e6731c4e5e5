import Bowser from "bowser";
import ipaddr from "ipaddr.js";

/**
 * What an attempt keeps about the client: a coarse network, never the full address (IPv4 /24,
 * IPv6 /48: enough to see "one office" or "one attacker", not to single out a person), and the
 * browser family.
 */
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function coarseNetwork(address: string | null | undefined): string | null {
  if (!address) return null;
  const raw = address.trim().replace(/^\[|\]$/g, "");
  // The common case without a parser: it runs once per entry request.
  const v4 = IPV4.exec(raw);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) ? `${Number(v4[1])}.${Number(v4[2])}.${Number(v4[3])}.0/24` : null;
  if (!ipaddr.isValid(raw)) return null;
  let parsed = ipaddr.parse(raw);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === "ipv4") {
    const octets = (parsed as ipaddr.IPv4).octets;
    return `${octets[0]}.${octets[1]}.${octets[2]}.0/24`;
  }
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 3).map((p) => p.toString(16));
  return `${parts.join(":")}::/48`;
}

const MAX_USER_AGENT = 512;

// Parsing a user agent costs far more than the rest of a record; a crowd sends few distinct ones.
const familyCache = new Map<string, string>();
const FAMILY_CACHE_SIZE = 1_000;

/** "Chrome", "Safari", "Firefox", "curl"…: the family only, never the version string. */
export function browserFamily(userAgent: string | null | undefined): string | null {
  const ua = userAgent?.slice(0, MAX_USER_AGENT).trim();
  if (!ua) return null;
  const cached = familyCache.get(ua);
  if (cached) return cached;
  if (familyCache.size >= FAMILY_CACHE_SIZE) familyCache.clear();
  const family = parseFamily(ua);
  familyCache.set(ua, family);
  return family;
}

function parseFamily(ua: string): string {
  const tool = /^(curl|Wget|python-requests|Go-http-client|node-fetch|undici|axios|okhttp|Java)\b/i.exec(ua);
  if (tool) return tool[1]!;
  const name = Bowser.getParser(ua).getBrowserName();
  return name ? name.slice(0, 40) : "Other";
}
