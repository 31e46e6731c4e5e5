import type { NextRequest } from "next/server";
import { handleAttendeeRequest } from "@/lib/entry/http";

/**
 * The attendee entry: every /e/… request passes lib/entry/http.ts first, which checks the slug,
 * decides a token before any page renders (303 without the token, or a 4xx page with the reason)
 * and hands the confirmation page its decision.
 */
export function proxy(request: NextRequest) {
  return handleAttendeeRequest(request);
}

export const config = { matcher: ["/e", "/e/:path*"] };
