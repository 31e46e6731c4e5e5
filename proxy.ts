import type { NextRequest } from "next/server";
import { endedSessionRefusal, handleContinueRequest, handleEntryRequest } from "@/lib/entry/http";
import { hasMalformedEncoding } from "@/lib/http/request-guard";
import { secureRequest } from "@/lib/http/secure-request";

const ENTRY_PATH = /^\/e\/([^/]+)(\/continue)?$/;
/** The attendee's pages after sign-in: a session an admin ended is refused there (session_ended). */
const ATTENDEE_PAGE_PATH = /^\/e\/([^/]+)\/(lobby|met)$/;

/**
 * The attendee entry first: a token in the URL is verified here, before any page renders, so the
 * response can be a 303 without the token or a 4xx page carrying the reason. Every other request
 * gets the security checks and headers of lib/http/secure-request.ts (CSP nonce, 4xx for hostile
 * paths and foreign-origin posts).
 */
export async function proxy(request: NextRequest) {
  const entry = ENTRY_PATH.exec(request.nextUrl.pathname);
  if (entry && !hasMalformedEncoding(entry[1]!)) {
    const slug = decodeURIComponent(entry[1]!);
    return entry[2] ? handleContinueRequest(request, slug) : handleEntryRequest(request, slug);
  }
  const page = ATTENDEE_PAGE_PATH.exec(request.nextUrl.pathname);
  if (page && !hasMalformedEncoding(page[1]!)) {
    const refusal = await endedSessionRefusal(request, decodeURIComponent(page[1]!));
    if (refusal) return refusal;
  }
  return secureRequest(request);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
