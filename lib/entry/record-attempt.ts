import "server-only";
import type { AttemptFacts, AttemptOutcome } from "@/lib/activity/attempt";
import { recordEntryAttempt } from "@/lib/activity/recorder";
import type { EntryDecision } from "./decide-entry";

const ATTEMPT_STEP = { open: "open", confirm: "confirm", preview: "continue" } as const;
const ATTEMPT_OUTCOME: Record<Exclude<EntryDecision["kind"], "already_in">, AttemptOutcome> = {
  signed_in: "signed_in",
  confirm: "confirm_shown",
  preview: "confirm_shown",
  refused: "refused",
};

/**
 * Puts one entry decision on the event's activity record (buffered, lib/activity/recorder.ts): never
 * the token, and the attendee's claims only when the signature verified (decideEntry sets them then).
 */
export function recordEntryDecision(decision: EntryDecision, client: { address: string; userAgent: string | null }, at = new Date()): void {
  // An unknown event has no activity; a used link reopened where it signed in is no new attempt.
  if (!decision.event || decision.kind === "already_in") return;
  const verified = decision.claims && decision.keyId && decision.kid ? { keyId: decision.keyId, kid: decision.kid, jti: decision.jti, claims: decision.claims } : undefined;
  const facts: AttemptFacts = {
    verified,
    link: decision.linkId ? { id: decision.linkId, kind: decision.source === "long_lived_link" ? "long_lived" : "one_off" } : null,
    sessionId: decision.kind === "signed_in" ? decision.session.id : undefined,
  };
  recordEntryAttempt({
    eventId: decision.event.id,
    at,
    step: ATTEMPT_STEP[decision.step],
    outcome: ATTEMPT_OUTCOME[decision.kind],
    failure: decision.kind === "refused" ? decision.failure : undefined,
    facts,
    clientAddress: client.address,
    userAgent: client.userAgent,
  });
}
