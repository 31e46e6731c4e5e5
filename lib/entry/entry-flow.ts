import "server-only";
import type { AttemptFacts } from "@/lib/activity/attempt";
import { recordKeyUse } from "@/lib/keys/usage-recorder";
import { entryFailureLimiter } from "@/lib/rate-limit";
import type { ReasonFailure } from "@/lib/tokens/reasons";
import type { VerifySuccess } from "@/lib/tokens/types";
import { verifyAttendeeToken } from "@/lib/tokens/verify-token";
import { openAttendeeSession, type EntrySource } from "./attendee-session";
import { loadEntryEvent, type EntryEvent } from "./event-config";
import { claimHostJti, findIssuedLink, recordLongLivedUse, redeemOneOffLink, type RedeemOutcome } from "./replay";
import { verificationKeysFor } from "./verification-keys";

/**
 * What the attendee entry decided for one request. The HTTP layer (lib/entry/http.ts) turns it into
 * a 303 with cookies, or a 4xx page with the reason.
 */
export type EntryOutcome = (
  | { kind: "signed_in"; event: EntryEvent; session: { secret: string; maxAgeSeconds: number } }
  | { kind: "confirm"; event: EntryEvent; pendingMaxAgeSeconds: number }
  | { kind: "refused"; event: EntryEvent | null; failure: ReasonFailure }
) & {
  /** What the decision learned about the token, for the attempt's record (lib/activity). */
  attempt?: AttemptFacts;
};

/**
 * "open": the GET of an entry link. Host-minted tokens and long-lived links sign in at once; a
 * one-off link only asks for confirmation and consumes nothing (mail and chat scanners fetch links).
 * "confirm": the POST from that confirmation, which redeems the one-off link atomically.
 */
export type EntryStep = "open" | "confirm";

const PENDING_MAX_SECONDS = 600;

export async function enterWithToken(input: { slug: string; token: string; step: EntryStep; clientAddress: string; now?: Date }): Promise<EntryOutcome> {
  const now = input.now ?? new Date();
  const event = await loadEntryEvent(input.slug);
  if (!event) return { kind: "refused", event: null, failure: { reason: "event_not_found", detail: {} } };

  // Only refusals spend the budget (see RATE_LIMITS.entryFailures); checking it is one read.
  const limitKey = `${event.id}|${input.clientAddress}`;
  const budget = await entryFailureLimiter.check(limitKey);
  if (!budget.allowed) return { kind: "refused", event, failure: { reason: "rate_limited", detail: { retryAfterSeconds: budget.retryAfterSeconds } } };

  const outcome = await decide(event, input, now);
  if (outcome.kind === "refused") await entryFailureLimiter.consume(limitKey);
  return outcome;
}

async function decide(event: EntryEvent, input: { token: string; step: EntryStep }, now: Date): Promise<EntryOutcome> {
  const keys = await verificationKeysFor(event);
  const verified = await verifyAttendeeToken(input.token, { keys, policy: event.policy, features: event.features, now });
  if (!verified.ok) return { kind: "refused", event, failure: verified };
  recordKeyUse(verified.keyId, now);

  let link: Awaited<ReturnType<typeof findIssuedLink>> = null;
  const attempt = (sessionId?: string): AttemptFacts => ({ verified, link: link && { id: link.id, kind: link.kind }, sessionId });
  const refusedBy = (outcome: Exclude<RedeemOutcome, { ok: true }>): EntryOutcome =>
    outcome.reason === "link_revoked"
      ? { kind: "refused", event, failure: { reason: "link_revoked", detail: { revokedAt: outcome.revokedAt } }, attempt: attempt() }
      : { kind: "refused", event, failure: { reason: "already_used", detail: { usedAt: outcome.usedAt } }, attempt: attempt() };

  const admit = async (source: EntrySource): Promise<EntryOutcome> => {
    const session = await openAttendeeSession({
      eventId: event.id,
      attendee: { claims: verified.claims, notes: verified.notes },
      source,
      keyId: verified.keyId,
      linkId: link?.id ?? null,
      now,
    });
    return { kind: "signed_in", event, session, attempt: attempt(session.id) };
  };

  if (!verified.jti) return admit("host_token");

  link = await findIssuedLink(event.id, verified.jti);
  if (!link) {
    const claim = await claimHostJti({ eventId: event.id, jti: verified.jti, acceptableUntil: acceptableUntil(verified, event, now), now });
    return claim.ok ? admit("host_token") : refusedBy(claim);
  }
  if (link.revokedAt) return refusedBy({ ok: false, reason: "link_revoked", revokedAt: link.revokedAt });

  if (link.kind === "long_lived") {
    const use = await recordLongLivedUse(link.id, now);
    return use.ok ? admit("long_lived_link") : refusedBy(use);
  }
  if (input.step === "open") {
    if (link.usedAt) return refusedBy({ ok: false, reason: "already_used", usedAt: link.usedAt });
    const remaining = verified.expiresAt ? Math.floor((verified.expiresAt.getTime() - now.getTime()) / 1000) + event.policy.leewaySeconds : PENDING_MAX_SECONDS;
    return { kind: "confirm", event, pendingMaxAgeSeconds: Math.max(1, Math.min(PENDING_MAX_SECONDS, remaining)), attempt: attempt() };
  }
  const redeemed = await redeemOneOffLink(link.id, now);
  return redeemed.ok ? admit("one_off_link") : refusedBy(redeemed);
}

/** Until when a host token with this jti could still be accepted (exp + leeway, or the policy's maximum). */
function acceptableUntil(verified: VerifySuccess, event: EntryEvent, now: Date): Date {
  const leewayMs = event.policy.leewaySeconds * 1000;
  if (verified.expiresAt) return new Date(verified.expiresAt.getTime() + leewayMs);
  return new Date(now.getTime() + event.policy.longLivedMaxSeconds * 1000 + leewayMs);
}

/**
 * For the confirmation page: who the pending one-off link would sign in, checked again without
 * consuming anything (the link may have expired or been revoked since the GET).
 */
export async function previewPendingLink(slug: string, token: string, now = new Date()) {
  const event = await loadEntryEvent(slug);
  if (!event) return { ok: false as const, event: null, failure: { reason: "event_not_found", detail: {} } as ReasonFailure };
  const keys = await verificationKeysFor(event);
  const verified = await verifyAttendeeToken(token, { keys, policy: event.policy, features: event.features, now });
  if (!verified.ok) return { ok: false as const, event, failure: verified as ReasonFailure };
  const link = verified.jti ? await findIssuedLink(event.id, verified.jti) : null;
  const attempt: AttemptFacts = { verified, link: link && { id: link.id, kind: link.kind } };
  if (!link || link.kind !== "one_off") return { ok: false as const, event, failure: { reason: "malformed", detail: { problem: "not_a_string" } } as ReasonFailure, attempt };
  if (link.revokedAt) return { ok: false as const, event, failure: { reason: "link_revoked", detail: { revokedAt: link.revokedAt } } as ReasonFailure, attempt };
  if (link.usedAt) return { ok: false as const, event, failure: { reason: "already_used", detail: { usedAt: link.usedAt } } as ReasonFailure, attempt };
  return { ok: true as const, event, claims: verified.claims, expiresAt: verified.expiresAt ?? null, attempt };
}
