import { isIP } from "node:net";

/**
 * Who the client is, decided once per request from what can be trusted (see request-hook.ts):
 * - `TRUSTED_PROXY_HOPS=0` (the default): the TCP peer's address; every X-Forwarded-* header the
 *   client sent is dropped, because nothing stands between it and us to vouch for them.
 * - `TRUSTED_PROXY_HOPS=N`: N proxies of ours each append the address they saw, so the Nth
 *   X-Forwarded-For entry from the right is the first one no client could have written.
 *   X-Forwarded-Host and -Proto are read the same way.
 */
export const CLIENT_ADDRESS_HEADER = "x-client-address";
export const REQUEST_ID_HEADER = "x-request-id";

export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"] as const;

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : Number.NaN;
}

/** The Nth comma-separated entry from the right, or undefined when the chain is shorter. */
export function nthFromRight(value: string | string[] | undefined, n: number): string | undefined {
  if (value === undefined || n < 1) return undefined;
  const entries = (Array.isArray(value) ? value.join(",") : value).split(",").map((entry) => entry.trim());
  const entry = entries[entries.length - n];
  return entry ? entry : undefined;
}

/** "::ffff:203.0.113.7" → "203.0.113.7"; brackets and ports some proxies add are removed. */
export function normalizeAddress(address: string): string | undefined {
  let candidate = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(candidate)) candidate = candidate.slice(7);
  return isIP(candidate) ? candidate.toLowerCase() : undefined;
}

export interface ForwardedInput {
  socketAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  hops: number;
}

export interface ResolvedClient {
  address: string;
  /** The values the app may believe for X-Forwarded-Host / -Proto; undefined = use Host / the socket. */
  forwardedHost?: string;
  forwardedProto?: string;
}

export function resolveClient({ socketAddress, headers, hops }: ForwardedInput): ResolvedClient {
  const socket = normalizeAddress(socketAddress ?? "") ?? "unknown";
  if (!(hops > 0)) return { address: socket };
  const forwarded = normalizeAddress(nthFromRight(headers["x-forwarded-for"], hops) ?? "");
  const host = nthFromRight(headers["x-forwarded-host"], hops);
  const proto = nthFromRight(headers["x-forwarded-proto"], hops)?.toLowerCase();
  return {
    // A chain shorter than the proxies we trust did not come through them all: the peer is the best we know.
    address: forwarded ?? socket,
    forwardedHost: host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : undefined,
    forwardedProto: proto === "https" || proto === "http" ? proto : undefined,
  };
}

/**
 * Rewrites a Node request's headers in place: the resolved address in CLIENT_ADDRESS_HEADER (a
 * client-sent one is overwritten), a fresh request id, and X-Forwarded-* reduced to what is trusted.
 */
export function applyTrustedForwarding(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  hops: number,
  requestId: string,
): ResolvedClient {
  const resolved = resolveClient({ socketAddress, headers, hops });
  for (const name of FORWARDED_HEADERS) delete headers[name];
  headers[CLIENT_ADDRESS_HEADER] = resolved.address;
  headers[REQUEST_ID_HEADER] = requestId;
  // Next fills in X-Forwarded-For/Host/Proto/Port from the socket and Host when they are absent.
  if (hops > 0) {
    headers["x-forwarded-for"] = resolved.address;
    if (resolved.forwardedHost) headers["x-forwarded-host"] = resolved.forwardedHost;
    if (resolved.forwardedProto) headers["x-forwarded-proto"] = resolved.forwardedProto;
  }
  return resolved;
}

/** The client address the request hook decided on (for rate limits and stored sessions). */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
