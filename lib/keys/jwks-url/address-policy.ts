import { BlockList, isIP, isIPv4 } from "node:net";

/**
 * Where the server must never fetch on a host's behalf: its own machine, the private network, link-local
 * (including the 169.254.169.254 cloud metadata service), carrier-grade NAT (100.100.100.200 is Alibaba's
 * metadata service), multicast and the reserved ranges. Checked on every RESOLVED address, so a name that
 * resolves (or re-resolves: DNS rebinding) to one of these is refused too.
 */
const FORBIDDEN_V4: Array<[string, number, string]> = [
  ["0.0.0.0", 8, "this network"],
  ["10.0.0.0", 8, "a private network"],
  ["100.64.0.0", 10, "carrier-grade NAT (and the 100.100.100.200 metadata service)"],
  ["127.0.0.0", 8, "loopback (this server)"],
  ["169.254.0.0", 16, "link-local (and the 169.254.169.254 cloud metadata service)"],
  ["172.16.0.0", 12, "a private network"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "a private network"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];

const FORBIDDEN_V6: Array<[string, number, string]> = [
  ["::", 128, "the unspecified address"],
  ["::1", 128, "loopback (this server)"],
  ["64:ff9b::", 96, "NAT64 (an IPv4 address in disguise)"],
  ["64:ff9b:1::", 48, "NAT64 (an IPv4 address in disguise)"],
  ["100::", 64, "discard"],
  ["2001::", 32, "Teredo"],
  ["2001:db8::", 32, "documentation"],
  ["2002::", 16, "6to4 (an IPv4 address in disguise)"],
  ["fc00::", 7, "a private network (unique local, e.g. fd00:ec2::254, the AWS metadata service)"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local"],
  ["ff00::", 8, "multicast"],
];

const lists = (() => {
  const byRange = new Map<BlockList, string>();
  for (const [net, prefix, why] of FORBIDDEN_V4) {
    const list = new BlockList();
    list.addSubnet(net, prefix, "ipv4");
    byRange.set(list, why);
  }
  for (const [net, prefix, why] of FORBIDDEN_V6) {
    const list = new BlockList();
    list.addSubnet(net, prefix, "ipv6");
    byRange.set(list, why);
  }
  return byRange;
})();

/** "::ffff:10.0.0.1" and "::10.0.0.1" are IPv4 addresses written as IPv6: judge the IPv4 address. */
function embeddedIpv4(address: string): string | null {
  const dotted = /^::(?:ffff:(?:0{1,4}:)?)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (dotted && isIPv4(dotted[1]!)) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** Why the server may not connect to this IP address, or null when it may. Anything unparseable is refused. */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const v4 = embeddedIpv4(bare);
  if (v4) return forbiddenAddressReason(v4);
  const family = isIP(bare);
  if (family === 0) return "not an IP address";
  for (const [list, why] of lists) {
    if (list.check(bare, family === 4 ? "ipv4" : "ipv6")) return why;
  }
  return null;
}
