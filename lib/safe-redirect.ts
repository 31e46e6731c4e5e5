const PROBE_ORIGIN = "https://app.invalid";

/**
 * Only same-origin paths are followed after sign-in and sign-up: "/orgs/x" yes; "//evil.example",
 * "https://…", "/\evil.example" and the forms browsers repair into them ("/<TAB>/evil.example": the
 * URL parser drops tab, CR and LF and reads "\" as "/") no. The URL API resolves `next` exactly as
 * the browser will, against a stand-in origin; anything that leaves that origin falls back.
 * The result is the normalised path, so what the browser follows is what was checked.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/orgs"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048 || !next.startsWith("/")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(next, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // Defence in depth: the normalised path must itself read as a plain path again.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
