import type { NextRequest } from "next/server";
import { handleAttendeeRequest } from "@/lib/entry/http";
import { secureRequest } from "@/lib/http/secure-request";

/**
 * The attendee entry first: every /e/… request passes lib/entry/http.ts, which checks the slug,
 * decides a token before any page renders (303 without the token, or a 4xx page with the reason)
 * and hands the confirmation page its decision. Every other request gets the security checks and
 * headers of lib/http/secure-request.ts (CSP nonce, 4xx for hostile paths and foreign-origin posts).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/e" || pathname.startsWith("/e/")) return handleAttendeeRequest(request);
  return secureRequest(request);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
