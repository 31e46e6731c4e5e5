/**
 * Requests refused before any route sees them, so a hostile one gets a clear 4xx, never a 5xx:
 * - a path whose percent-encoding does not decode (`/orgs/%ZZ`, `/api/v1/events/%E0%A4%A`): Next
 *   and Better Auth decode route parameters and would throw;
 * - a state-changing request to a page (a server action, with or without JavaScript) whose Origin is
 *   not ours: Next's own check throws an error that becomes a 500.
 */
export function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether a POST to a page comes from our own origin. The browser's Origin must parse and name the
 * host the request was addressed to (X-Forwarded-Host as the request hook left it, else Host) or
 * the public URL's host. `null`, a missing or an unparsable Origin is refused: every browser that
 * runs our pages sends a real one on a POST.
 */
export function isOwnOrigin(headers: Headers, publicUrl: string): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    const parsed = new URL(origin);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
    host = parsed.host;
  } catch {
    return false;
  }
  const addressed = headers.get("x-forwarded-host") ?? headers.get("host");
  let publicHost: string | undefined;
  try {
    publicHost = new URL(publicUrl).host;
  } catch {
    publicHost = undefined;
  }
  return host === addressed || host === publicHost;
}
