import type { NextRequest } from "next/server";
import { handleAttendeePageRequest, handleContinueRequest, handleEntryRequest } from "@/lib/entry/http";

/**
 * The attendee entry: a token in the URL is verified here, before any page renders, so the
 * response can be a 303 without the token or a 4xx page carrying the reason.
 */
export async function proxy(request: NextRequest) {
  const [, , rawSlug, step] = request.nextUrl.pathname.split("/");
  const slug = decodeURIComponent(rawSlug ?? "");
  if (step === "continue") return handleContinueRequest(request, slug);
  if (step) return handleAttendeePageRequest(request, slug);
  return handleEntryRequest(request, slug);
}

export const config = { matcher: ["/e/:slug", "/e/:slug/continue", "/e/:slug/lobby", "/e/:slug/met"] };
