/**
 * Whether a form POST comes from our own pages. Attendee pages send no Referer (no-referrer), which
 * also makes browsers send `Origin: null` on form posts, so the browser's Sec-Fetch-Site decides
 * where present; otherwise the Origin must name the host the request was sent to (X-Forwarded-Host,
 * else Host). Neither header (old clients) is allowed: attendee cookies are SameSite=Lax, so a
 * cross-site POST carries none of them anyway.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
