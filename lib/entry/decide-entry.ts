import "server-only";
import { recordKeyUse } from "@/lib/keys/usage-recorder";
import { linkUseState } from "@/lib/links/status";
import type { ReasonFailure } from "@/lib/tokens/reasons";
import type { AttendeeClaims, VerifySuccess } from "@/lib/tokens/types";
import { verifyAttendeeToken } from "@/lib/tokens/verify-token";
import { findAttendeeSession, openAttendeeSession, type EntrySource } from "./attendee-session";
import { isEventSlug } from "./entry-path";
import { keysAfterUnknownKid, refreshFollowedJwksIfDue } from "./jwks-refresh";
import { entryEvent, type EntryEvent } from "./event-config";
import { spendRefusalBudget } from "./refusal-budget";
import { claimHostJti, findIssuedLink, recordLongLivedUse, redeemOneOffLink, redeemOneOffLinkByJti, type IssuedLinkState, type RedeemOutcome } from "./replay";
import { verificationKeysFor } from "@/lib/keys/verification-keys";

/**
 * The attendee entry's ONE decision. Every HTTP step calls it exactly once:
 * - "open":    GET /e/{slug}?token=…. Host-minted tokens and long-lived links sign in at once; a
 *              one-off link only asks for confirmation and consumes nothing (mail and chat scanners
 *              fetch links).
 * - "preview": GET /e/{slug}/continue. Whom the pending one-off link would sign in, checked again
 *              (it may have expired or been revoked since) without consuming anything. The page
 *              renders this decision; it does not verify again.
 * - "confirm": POST /e/{slug} from that page. Redeems the one-off link atomically.
 */
export type EntryStep = "open" | "preview" | "confirm";

export interface EntryAttempt {
  slug: string;
  step: EntryStep;
  /** open: the `token` query parameter; preview and confirm: the pending-link cookie. */
  token: string | null | undefined;
  /** confirm: whether the POST came from our own page (lib/entry/same-origin.ts). */
  sameOrigin?: boolean;
  /** The browser's attendee-session cookie for this event, if any: a used one-off link reopened where it signed in leads to the lobby. */
  attendeeSecret?: string;
  clientAddress: string;
  now?: Date;
}

/**
 * What happened, with everything a record of the attempt needs: the event, how the attendee came
 * (source), the key, link and jti, and the claims ONLY when the signature verified.
 */
export interface EntryFacts {
  step: EntryStep;
  event: EntryEvent | null;
  source: EntrySource | null;
  keyId: string | null;
  kid: string | null;
  linkId: string | null;
  jti: string | null;
  claims: AttendeeClaims | null;
}

export type EntryDecision = EntryFacts &
  (
    | { kind: "signed_in"; session: { id: string; secret: string; maxAgeSeconds: number } }
    /** open step of a one-off link: show the confirmation, keep the token in the pending cookie this long. */
    | { kind: "confirm"; pendingMaxAgeSeconds: number }
    /** preview step: the confirmation page's content. */
    | { kind: "preview"; claims: AttendeeClaims; expiresAt: Date | null }
    /** A used one-off link, reopened in the browser whose session it opened while that session is live. */
    | { kind: "already_in" }
    /** `budgetSpent`: the refusal counted against the address's budget (rate_limited once it is spent). */
    | { kind: "refused"; failure: ReasonFailure; budgetSpent: boolean }
  );

const PENDING_MAX_SECONDS = 600;

export async function decideEntry(attempt: EntryAttempt): Promise<EntryDecision> {
  const now = attempt.now ?? new Date();
  const facts: EntryFacts = { step: attempt.step, event: null, source: null, keyId: null, kid: null, linkId: null, jti: null, claims: null };
  const refused = (failure: ReasonFailure): EntryDecision => ({ ...facts, kind: "refused", failure, budgetSpent: false });

  if (!isEventSlug(attempt.slug)) return refused({ reason: "event_not_found", detail: {} });
  const event = await entryEvent(attempt.slug);
  if (!event) return refused({ reason: "event_not_found", detail: {} });
  facts.event = event;

  const decision = await decideForEvent(event, attempt, facts, now);
  if (decision.kind !== "refused") return decision;
  // Verification comes first and costs ~0.06 ms; only a refusal touches the address's budget, so a
  // valid token is never turned away because others at the same address failed.
  const budget = spendRefusalBudget(event.id, attempt.clientAddress, now);
  if (!budget.allowed) return { ...decision, failure: { reason: "rate_limited", detail: { retryAfterSeconds: budget.retryAfterSeconds } }, budgetSpent: true };
  return { ...decision, budgetSpent: true };
}

async function decideForEvent(event: EntryEvent, attempt: EntryAttempt, facts: EntryFacts, now: Date): Promise<EntryDecision> {
  const refused = (failure: ReasonFailure): EntryDecision => ({ ...facts, kind: "refused", failure, budgetSpent: false });
  const pendingStep = attempt.step !== "open";
  if (attempt.step === "confirm" && !attempt.sameOrigin) return refused({ reason: "malformed", detail: { problem: "cross_site_post" } });
  if (pendingStep && !attempt.token) return refused({ reason: "malformed", detail: { problem: "no_pending_link" } });

  refreshFollowedJwksIfDue(event, now);
  const keys = await verificationKeysFor(event);
  let verified = await verifyAttendeeToken(attempt.token, { keys, policy: event.policy, features: event.features, now });
  if (!verified.ok && verified.reason === "unknown_key") {
    // A host that follows a JWKS URL may have published a new key since the last refresh.
    const refreshed = await keysAfterUnknownKid(event, now);
    if (refreshed) verified = await verifyAttendeeToken(attempt.token, { keys: refreshed, policy: event.policy, features: event.features, now });
  }
  if (!verified.ok) return refused(verified);
  Object.assign(facts, { keyId: verified.keyId, kid: verified.kid, jti: verified.jti ?? null, claims: verified.claims });
  // The preview repeats the open step's verification for display only: it is not a use of the key.
  if (attempt.step !== "preview") recordKeyUse(verified.keyId, now);

  const admit = async (source: EntrySource, linkId: string | undefined): Promise<EntryDecision> => ({
    ...facts,
    kind: "signed_in",
    session: await openAttendeeSession({ eventId: event.id, attendee: { claims: verified.claims, notes: verified.notes, keyId: verified.keyId, linkId }, source, keyId: verified.keyId, linkId: linkId ?? null, now }),
  });
  // The confirmation of a usable one-off link, the common case, is one statement; anything else
  // falls through to the full decision below, which finds out why it was not redeemed.
  if (attempt.step === "confirm" && verified.jti) {
    const redeemed = await redeemOneOffLinkByJti(event.id, verified.jti, now);
    if (redeemed) {
      Object.assign(facts, { linkId: redeemed.id, source: "one_off_link" });
      return admit("one_off_link", redeemed.id);
    }
  }

  const link = verified.jti ? await findIssuedLink(event.id, verified.jti) : null;
  if (link) Object.assign(facts, { linkId: link.id, source: link.kind === "one_off" ? "one_off_link" : "long_lived_link" });
  else facts.source = "host_token";
  // The pending cookie only ever holds a one-off link; anything else there did not come from our GET.
  const notOneOff = (): EntryDecision => refused({ reason: "malformed", detail: { problem: "pending_not_one_off" } });

  const refusedBy = async (outcome: Exclude<RedeemOutcome, { ok: true }>): Promise<EntryDecision> => {
    if (outcome.reason === "link_revoked") return refused({ reason: "link_revoked", detail: { revokedAt: outcome.revokedAt } });
    if (link && (await isInThroughLink(event, link, attempt.attendeeSecret, now))) return { ...facts, kind: "already_in" };
    return refused({ reason: "already_used", detail: { usedAt: outcome.usedAt } });
  };

  if (!link && pendingStep) return notOneOff();
  if (!verified.jti) return admit("host_token", undefined);
  if (!link) {
    const claim = await claimHostJti({ eventId: event.id, jti: verified.jti, acceptableUntil: acceptableUntil(verified, event, now), now });
    return claim.ok ? admit("host_token", undefined) : refusedBy(claim);
  }
  const use = linkUseState(link);
  if (use === "revoked") return refusedBy({ ok: false, reason: "link_revoked", revokedAt: link.revokedAt });
  if (pendingStep && link.kind !== "one_off") return notOneOff();
  if (link.kind === "long_lived") {
    const recorded = await recordLongLivedUse(link.id, now);
    return recorded.ok ? admit("long_lived_link", link.id) : refusedBy(recorded);
  }
  if (use === "used") return refusedBy({ ok: false, reason: "already_used", usedAt: link.usedAt });
  if (attempt.step === "open") {
    const remaining = verified.expiresAt ? Math.floor((verified.expiresAt.getTime() - now.getTime()) / 1000) + event.policy.leewaySeconds : PENDING_MAX_SECONDS;
    return { ...facts, kind: "confirm", pendingMaxAgeSeconds: Math.max(1, Math.min(PENDING_MAX_SECONDS, remaining)) };
  }
  if (attempt.step === "preview") return { ...facts, kind: "preview", claims: verified.claims, expiresAt: verified.expiresAt ?? null };
  const redeemed = await redeemOneOffLink(link.id, now);
  return redeemed.ok ? admit("one_off_link", link.id) : refusedBy(redeemed);
}

/** Whether this browser's live session for the event was opened by this very link. */
async function isInThroughLink(event: EntryEvent, link: IssuedLinkState, attendeeSecret: string | undefined, now: Date): Promise<boolean> {
  if (!attendeeSecret) return false;
  const session = await findAttendeeSession(event.id, attendeeSecret, now);
  return Boolean(session && !session.leftAt && session.attendee.linkId === link.id);
}

/** Until when a host token with this jti could still be accepted (exp + leeway, or the policy's maximum). */
function acceptableUntil(verified: VerifySuccess, event: EntryEvent, now: Date): Date {
  const leewayMs = event.policy.leewaySeconds * 1000;
  if (verified.expiresAt) return new Date(verified.expiresAt.getTime() + leewayMs);
  return new Date(now.getTime() + event.policy.longLivedMaxSeconds * 1000 + leewayMs);
}
