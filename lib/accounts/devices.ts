import Bowser from "bowser";
import { isIP } from "node:net";

/** "Chrome 131 on Linux" from a User-Agent header (bowser), or a plain fallback. */
export function describeBrowser(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown browser";
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split(".")[0];
  const browser = parsed.browser.name ? `${parsed.browser.name}${major ? ` ${major}` : ""}` : "Unknown browser";
  const os = parsed.os.name ? `${parsed.os.name}${parsed.os.versionName ? ` ${parsed.os.versionName}` : ""}` : null;
  return os ? `${browser} on ${os}` : browser;
}

/**
 * The network a session came from, coarse on purpose (IPv4 /24, IPv6 /48): enough to tell "my
 * office" from "somewhere else" without keeping a precise address on screen.
 */
export function coarseNetwork(address: string | null | undefined): string {
  const value = (address ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  const kind = isIP(value);
  if (value === "::1" || /^127\./.test(value)) return "this server's own machine (loopback)";
  if (kind === 4) return `${value.split(".").slice(0, 3).join(".")}.0/24`;
  if (kind === 6) {
    const [head = "", tail = ""] = value.split("::");
    const groups = head ? head.split(":") : [];
    const tailGroups = tail ? tail.split(":") : [];
    const full = value.includes("::") ? [...groups, ...Array(8 - groups.length - tailGroups.length).fill("0"), ...tailGroups] : groups;
    return `${full.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, "").toLowerCase()).join(":")}::/48`;
  }
  return "unknown network";
}
