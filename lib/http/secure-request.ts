import { NextResponse, type NextRequest } from "next/server";
import { apiError } from "@/lib/api/response";
import { appUrl, isProduction, publicUrlIsHttps } from "@/lib/env";
import { hasMalformedEncoding, isOwnOrigin } from "./request-guard";
import { API_CONTENT_SECURITY_POLICY, baselineSecurityHeaders, contentSecurityPolicy, newNonce } from "./security-headers";

/** A path no route serves: rewriting there renders the app's own not-found page with a 404. */
const NOT_FOUND_PATH = "/_not-found-malformed-path";

/**
 * Every request except the attendee entry's own (proxy.ts): refuse what would otherwise become a
 * 5xx, then send pages on with a fresh CSP nonce and every response with the baseline headers.
 */
export function secureRequest(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const https = publicUrlIsHttps();
  const isApi = pathname.startsWith("/api/");
  if (isApi) {
    if (hasMalformedEncoding(pathname)) {
      return withHeaders(toNext(apiError("VALIDATION", "The request path is not valid percent-encoding (for example %ZZ). Encode the slug or id with encodeURIComponent.")), https, API_CONTENT_SECURITY_POLICY);
    }
    return withHeaders(NextResponse.next(), https, API_CONTENT_SECURITY_POLICY);
  }
  const stateChanging = request.method !== "GET" && request.method !== "HEAD";
  // Attendee routes under /e/ check their own posts (their pages send no Referer, so Origin is null).
  if (stateChanging && !pathname.startsWith("/e/") && !isOwnOrigin(request.headers, appUrl())) {
    return withHeaders(new NextResponse("Cross-site request refused: this form can only be sent from the dashboard's own pages.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }), https, API_CONTENT_SECURITY_POLICY);
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { https, development: !isProduction() });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = hasMalformedEncoding(pathname)
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(response, https, policy);
}

/** The CSP and nonce for a page the attendee entry renders itself (its refusal page, its bare URL). */
export function pageSecurityRequestHeaders(source: Headers): { requestHeaders: Headers; responseHeaders: Record<string, string> } {
  const https = publicUrlIsHttps();
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { https, development: !isProduction() });
  const requestHeaders = new Headers(source);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  return { requestHeaders, responseHeaders: { "Content-Security-Policy": policy, ...baselineSecurityHeaders({ https }) } };
}

function toNext(response: Response): NextResponse {
  return new NextResponse(response.body, { status: response.status, headers: response.headers });
}

function withHeaders(response: NextResponse, https: boolean, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(baselineSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}
