import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { clientAddress } from "@/lib/rate-limit";
import { publicUrlIsHttps } from "@/lib/env";
import { hasMalformedEncoding } from "@/lib/http/request-guard";
import { pageSecurityRequestHeaders } from "@/lib/http/secure-request";
import { logUnexpected } from "@/lib/log";
import { reasonStatus, type ReasonFailure } from "@/lib/tokens/reasons";
import { ATTENDEE_COOKIE, sessionEndedAt } from "./attendee-session";
import { decideEntry, type EntryDecision, type EntryStep } from "./decide-entry";
import { parseEntryPath } from "./entry-path";
import type { EntryEvent } from "./event-config";
import { ALREADY_IN_PARAM, INTERNAL_HEADERS, PENDING_COOKIE, PREVIEW_HEADER, encodePreview } from "./pending";
import { renderProblemPage } from "./problem-page";
import { recordEntryDecision } from "./record-attempt";
import { isSameOriginPost } from "./same-origin";

/**
 * The attendee entry over HTTP (proxy.ts hands it every /e/… request before any page renders):
 * - the slug is checked against the slug pattern first; anything else is the 404 `event_not_found`;
 * - GET /e/{slug}?token=…   → decideEntry "open": 303 to the lobby with the session cookie (the
 *   token leaves the address bar, history and Referer at once), or 303 to the confirmation;
 * - GET /e/{slug}/continue  → decideEntry "preview": the page renders the decision (a request
 *   header), it does not verify again;
 * - POST /e/{slug}          → decideEntry "confirm": redeems the one-off link, 303 to the lobby;
 * - GET /e/{slug}/lobby and /met → refused with `session_ended` once an admin ended the session;
 * - a refusal is its problem page with a 4xx status, rendered here; never a 5xx.
 * Each step calls decideEntry exactly once and records the attempt (lib/activity) in decideStep.
 */
const PRIVATE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } as const;

function cookieOptions(request: NextRequest, slug: string, maxAge: number) {
  // `slug` passed the slug pattern: it cannot carry `;`, spaces or line breaks into the attribute.
  return { httpOnly: true, sameSite: "lax" as const, secure: publicUrlIsHttps() || request.nextUrl.protocol === "https:", path: `/e/${slug}`, maxAge };
}

/** A 303 to one of our own pages (`path` is built from the checked slug only; Next wants an absolute Location from a proxy). */
function seeOther(request: NextRequest, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, request.url), { status: 303, headers: PRIVATE_HEADERS });
}

function problem(request: NextRequest, slug: string | null, event: EntryEvent | null, failure: ReasonFailure, now = new Date()): NextResponse {
  // Its own CSP and the baseline headers: the page runs no script and styles itself inline.
  const { responseHeaders } = pageSecurityRequestHeaders(request.headers);
  const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8", ...PRIVATE_HEADERS, ...responseHeaders };
  if (failure.reason === "rate_limited" || failure.reason === "temporarily_unavailable") headers["Retry-After"] = String(Math.max(1, Math.ceil(failure.detail.retryAfterSeconds)));
  const response = new NextResponse(renderProblemPage(failure, event, now), { status: reasonStatus(failure.reason), headers });
  if (slug && request.cookies.has(PENDING_COOKIE)) response.cookies.set(PENDING_COOKIE, "", cookieOptions(request, slug, 0));
  return response;
}

/**
 * A page under /e/{slug} renders (the bare event URL, the confirmation, lobby, met, leave): with its
 * CSP nonce, and our own request headers never taken from the browser.
 */
function passThrough(request: NextRequest, extra?: [string, string]): NextResponse {
  const { requestHeaders, responseHeaders } = pageSecurityRequestHeaders(request.headers);
  for (const name of INTERNAL_HEADERS) requestHeaders.delete(name);
  if (extra) requestHeaders.set(extra[0], extra[1]);
  return NextResponse.next({ request: { headers: requestHeaders }, headers: { ...PRIVATE_HEADERS, ...responseHeaders } });
}

function respond(request: NextRequest, slug: string, decision: EntryDecision): NextResponse {
  switch (decision.kind) {
    case "refused":
      return problem(request, slug, decision.event, decision.failure);
    case "preview":
      return passThrough(request, [PREVIEW_HEADER, encodePreview({ displayName: decision.claims.displayName, expiresAt: decision.expiresAt, eventName: decision.event!.name, contact: decision.event!.contact })]);
    case "confirm": {
      const response = seeOther(request, `/e/${slug}/continue`);
      // Only a verified token matching a one-off link gets here: canonical base64url, safe as a cookie value.
      response.cookies.set(PENDING_COOKIE, (request.nextUrl.searchParams.get("token") ?? ""), cookieOptions(request, slug, decision.pendingMaxAgeSeconds));
      return response;
    }
    case "already_in":
    case "signed_in": {
      const response = seeOther(request, decision.kind === "already_in" ? `/e/${slug}/lobby?${ALREADY_IN_PARAM}=1` : `/e/${slug}/lobby`);
      if (decision.kind === "signed_in") response.cookies.set(ATTENDEE_COOKIE, decision.session.secret, cookieOptions(request, slug, decision.session.maxAgeSeconds));
      if (request.cookies.has(PENDING_COOKIE)) response.cookies.set(PENDING_COOKIE, "", cookieOptions(request, slug, 0));
      return response;
    }
  }
}

async function decideStep(request: NextRequest, slug: string, step: EntryStep, token: string | null | undefined): Promise<NextResponse> {
  const address = clientAddress(request.headers);
  const decision = await decideEntry({
    slug,
    step,
    token,
    sameOrigin: step === "confirm" ? isSameOriginPost(request.headers) : undefined,
    attendeeSecret: request.cookies.get(ATTENDEE_COOKIE)?.value,
    clientAddress: address,
  });
  recordEntryDecision(decision, { address, userAgent: request.headers.get("user-agent") });
  return respond(request, slug, decision);
}

/**
 * The attendee's pages after sign-in (lobby, "You met with…"): a session an admin ended gets the
 * problem page with reason session_ended from its next request on; null lets the page render.
 */
async function endedSessionRefusal(request: NextRequest, slug: string): Promise<NextResponse | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const endedAt = await sessionEndedAt(slug, request.cookies.get(ATTENDEE_COOKIE)?.value);
  return endedAt ? problem(request, slug, null, { reason: "session_ended", detail: { endedAt } }) : null;
}

export async function handleAttendeeRequest(request: NextRequest): Promise<NextResponse> {
  const { slug, step } = parseEntryPath(request.nextUrl.pathname);
  if (!slug) return problem(request, null, null, { reason: "event_not_found", detail: {} });
  const method = request.method;
  try {
    if (step === "entry") {
      if (method === "GET" || method === "HEAD") {
        const token = request.nextUrl.searchParams.get("token");
        return token === null ? passThrough(request) : await decideStep(request, slug, "open", token);
      }
      if (method === "POST") return await decideStep(request, slug, "confirm", request.cookies.get(PENDING_COOKIE)?.value);
      return new NextResponse(null, { status: 405, headers: { Allow: "GET, HEAD, POST", ...PRIVATE_HEADERS } });
    }
    if (step === "continue") {
      if (method !== "GET" && method !== "HEAD") return new NextResponse(null, { status: 405, headers: { Allow: "GET, HEAD", ...PRIVATE_HEADERS } });
      const pending = request.cookies.get(PENDING_COOKIE)?.value;
      // No pending link (a refreshed or bookmarked confirmation): the event's page says how to join, or leads to the lobby.
      return pending ? await decideStep(request, slug, "preview", pending) : seeOther(request, `/e/${slug}`);
    }
    if (step === "lobby" || step === "met") {
      const ended = await endedSessionRefusal(request, slug);
      if (ended) return ended;
    }
    // Below a valid slug, a path that does not decode would make Next's routing throw: our 404 instead.
    return hasMalformedEncoding(request.nextUrl.pathname) ? problem(request, null, null, { reason: "event_not_found", detail: {} }) : passThrough(request);
  } catch (error) {
    // Never a 5xx for an attendee: an outage of ours is "try again shortly". `slug` passed the pattern.
    logUnexpected(`attendee entry /e/${slug} (${step})`, error);
    return problem(request, slug, null, { reason: "temporarily_unavailable", detail: { retryAfterSeconds: 30 } });
  }
}
