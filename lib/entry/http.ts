import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { recordEntryAttempt } from "@/lib/activity/recorder";
import type { AttemptStep } from "@/lib/activity/attempt";
import { clientAddress } from "@/lib/rate-limit";
import { publicUrlIsHttps } from "@/lib/env";
import { pageSecurityRequestHeaders } from "@/lib/http/secure-request";
import { logUnexpected } from "@/lib/log";
import { reasonStatus, type ReasonFailure } from "@/lib/tokens/reasons";
import { ATTENDEE_COOKIE, sessionEndedAt } from "./attendee-session";
import { enterWithToken, previewPendingLink, type EntryOutcome } from "./entry-flow";
import { PENDING_COOKIE, PROBLEM_HEADER, encodeProblem } from "./problem";
import { isSameOriginPost } from "./same-origin";

/**
 * The attendee entry over HTTP (called from proxy.ts for /e/{slug}):
 * - GET ?token=…  → 303 to the lobby with the session cookie (the token leaves the address bar,
 *   history and Referer at once), or for a one-off link 303 to a confirmation page;
 * - POST (from that page) → redeems the one-off link, 303 to the lobby;
 * - any refusal → the problem page with a 4xx status and the reason; never a 5xx.
 */
const PRIVATE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

function cookieOptions(request: NextRequest, slug: string, maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: publicUrlIsHttps() || request.nextUrl.protocol === "https:", path: `/e/${slug}`, maxAge };
}

/** A page the entry lets render (the bare event URL, the confirmation page): with its CSP nonce. Redirects need none. */
function renderPage(request: NextRequest): NextResponse {
  const { requestHeaders, responseHeaders } = pageSecurityRequestHeaders(request.headers);
  return NextResponse.next({ headers: { ...PRIVATE_HEADERS, ...responseHeaders }, request: { headers: requestHeaders } });
}

function refuse(request: NextRequest, slug: string, failure: ReasonFailure): NextResponse {
  const { requestHeaders, responseHeaders } = pageSecurityRequestHeaders(request.headers);
  requestHeaders.set(PROBLEM_HEADER, encodeProblem(failure));
  const response = NextResponse.rewrite(new URL(`/e/${slug}/problem`, request.url), {
    status: reasonStatus(failure.reason),
    headers: { ...PRIVATE_HEADERS, ...responseHeaders },
    request: { headers: requestHeaders },
  });
  response.cookies.set(PENDING_COOKIE, "", cookieOptions(request, slug, 0));
  return response;
}

function respond(request: NextRequest, slug: string, outcome: EntryOutcome): NextResponse {
  if (outcome.kind === "refused") return refuse(request, slug, outcome.failure);
  if (outcome.kind === "confirm") {
    const response = NextResponse.redirect(new URL(`/e/${slug}/continue`, request.url), { status: 303, headers: PRIVATE_HEADERS });
    return response;
  }
  const response = NextResponse.redirect(new URL(`/e/${slug}/lobby`, request.url), { status: 303, headers: PRIVATE_HEADERS });
  response.cookies.set(ATTENDEE_COOKIE, outcome.session.secret, cookieOptions(request, slug, outcome.session.maxAgeSeconds));
  response.cookies.set(PENDING_COOKIE, "", cookieOptions(request, slug, 0));
  return response;
}

const ATTEMPT_OUTCOME = { signed_in: "signed_in", confirm: "confirm_shown", refused: "refused" } as const;

/** Every entry attempt goes on the event's activity record (buffered; never the token). */
function recordAttempt(request: NextRequest, step: AttemptStep, outcome: Pick<EntryOutcome, "kind" | "event" | "attempt"> & { failure?: ReasonFailure }): void {
  if (!outcome.event) return;
  recordEntryAttempt({
    eventId: outcome.event.id,
    at: new Date(),
    step,
    outcome: ATTEMPT_OUTCOME[outcome.kind],
    failure: outcome.failure,
    facts: outcome.attempt,
    clientAddress: clientAddress(request.headers),
    userAgent: request.headers.get("user-agent"),
  });
}

/**
 * The attendee's pages after sign-in (lobby, "You met with…"): a session an admin ended gets the
 * problem page with reason session_ended from its next request on; null lets the page render as
 * usual. ("Leave" finds no open session and goes back to the entry.)
 */
export async function endedSessionRefusal(request: NextRequest, slug: string): Promise<NextResponse | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  try {
    const endedAt = await sessionEndedAt(slug, request.cookies.get(ATTENDEE_COOKIE)?.value);
    return endedAt ? refuse(request, slug, { reason: "session_ended", detail: { endedAt } }) : null;
  } catch (error) {
    // The page itself checks the session again; an outage here must not take the lobby down.
    logUnexpected(`attendee page /e/${slug}`, error);
    return null;
  }
}

/** GET /e/{slug}/continue: the pending one-off link must still be usable, or the attendee gets its 4xx page. */
export async function handleContinueRequest(request: NextRequest, slug: string): Promise<NextResponse> {
  try {
    const pending = request.cookies.get(PENDING_COOKIE)?.value;
    if (!pending) return NextResponse.redirect(new URL(`/e/${slug}`, request.url), { status: 303, headers: PRIVATE_HEADERS });
    const preview = await previewPendingLink(slug, pending);
    recordAttempt(request, "continue", preview.ok ? { kind: "confirm", event: preview.event, attempt: preview.attempt } : { kind: "refused", ...preview });
    return preview.ok ? renderPage(request) : refuse(request, slug, preview.failure);
  } catch (error) {
    logUnexpected(`attendee entry /e/${slug}/continue`, error);
    return refuse(request, slug, { reason: "temporarily_unavailable", detail: { retryAfterSeconds: 30 } });
  }
}

export async function handleEntryRequest(request: NextRequest, slug: string): Promise<NextResponse> {
  try {
    if (request.method === "GET" || request.method === "HEAD") {
      const token = request.nextUrl.searchParams.get("token");
      if (token === null) return renderPage(request);
      const outcome = await enterWithToken({ slug, token, step: "open", clientAddress: clientAddress(request.headers) });
      recordAttempt(request, "open", outcome);
      const response = respond(request, slug, outcome);
      if (outcome.kind === "confirm") response.cookies.set(PENDING_COOKIE, token, cookieOptions(request, slug, outcome.pendingMaxAgeSeconds));
      return response;
    }
    if (request.method === "POST") {
      const pending = request.cookies.get(PENDING_COOKIE)?.value;
      if (!pending || !isSameOriginPost(request.headers)) {
        return refuse(request, slug, { reason: "malformed", detail: { problem: "not_a_string" } });
      }
      const outcome = await enterWithToken({ slug, token: pending, step: "confirm", clientAddress: clientAddress(request.headers) });
      recordAttempt(request, "confirm", outcome);
      return respond(request, slug, outcome);
    }
    return new NextResponse(null, { status: 405, headers: { Allow: "GET, POST", ...PRIVATE_HEADERS } });
  } catch (error) {
    // Never a 5xx page for an attendee: an outage is reported as "try again shortly".
    logUnexpected(`attendee entry /e/${slug}`, error);
    return refuse(request, slug, { reason: "temporarily_unavailable", detail: { retryAfterSeconds: 30 } });
  }
}
