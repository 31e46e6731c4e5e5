import type { NextRequest } from "next/server";
import { handleContinueRequest, handleEntryRequest } from "@/lib/entry/http";

/**
 * The attendee entry: a token in the URL is verified here, before any page renders, so the
 * response can be a 303 without the token or a 4xx page carrying the reason.
 */
export async function proxy(request: NextRequest) {
  const [, , rawSlug, step] = request.nextUrl.pathname.split("/");
  const slug = decodeURIComponent(rawSlug ?? "");
  return step === "continue" ? handleContinueRequest(request, slug) : handleEntryRequest(request, slug);
}

export const config = { matcher: ["/e/:slug", "/e/:slug/continue"] };
