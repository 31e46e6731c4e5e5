/**
 * Response headers that tell the browser what our pages may do. Pages get a Content-Security-Policy
 * with a fresh nonce per request: Next puts that nonce on its own <script> tags (it reads it from the
 * request's CSP header, set in proxy.ts), and 'strict-dynamic' lets those scripts load the chunks they
 * need; nothing else runs. Styles may be inline (charts and the stream tile set style attributes).
 */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { https: boolean; development?: boolean }): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only for `next dev` (React's debugging helpers); production never has it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Attendee avatars are public https images the attendee's browser loads; QR codes are data: URLs.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For JSON and other non-page responses: nothing may run or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Headers every response of ours carries (pages and API); HSTS only behind an https public URL. */
export function baselineSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
