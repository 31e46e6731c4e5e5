import Bowser from "bowser";
import { coarseNetwork } from "@/lib/activity/client-facts";

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
 * The network a session came from, in words: coarse on purpose (the activity record's /24 or /48),
 * enough to tell "my office" from "somewhere else" without a precise address on screen; this
 * server's own loopback said as such rather than as 127.0.0.0/24.
 */
export function describeNetwork(address: string | null | undefined): string {
  const value = (address ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (value === "::1" || /^127\./.test(value)) return "this server's own machine (loopback)";
  return coarseNetwork(value) ?? "unknown network";
}
