import "server-only";
import { refreshJwks, refreshJwksInBackground } from "@/lib/keys/jwks-url/service";
import type { VerificationKey } from "@/lib/tokens/types";
import type { EntryEvent } from "./event-config";
import { verificationKeysFor } from "@/lib/keys/verification-keys";

/** Per instance: when this instance last tried to claim an event's due refresh (the claim itself is one UPDATE). */
const lastClaimAttempt = new Map<string, number>();
const CLAIM_ATTEMPT_EVERY_MS = 5_000;

/**
 * A due scheduled refresh of the event's followed JWKS starts in the background; this request goes on with
 * the current keys. During a surge, one claim attempt per event per 5 s per instance, even if the event
 * row this request read (or a cached copy of it) still says the refresh is due.
 */
export function refreshFollowedJwksIfDue(event: EntryEvent, now: Date): void {
  if (!event.jwksNextFetchAt || event.jwksNextFetchAt.getTime() > now.getTime()) return;
  const last = lastClaimAttempt.get(event.id) ?? -Infinity;
  if (now.getTime() - last < CLAIM_ATTEMPT_EVERY_MS && now.getTime() >= last) return;
  lastClaimAttempt.set(event.id, now.getTime());
  if (lastClaimAttempt.size > 10_000) lastClaimAttempt.delete(lastClaimAttempt.keys().next().value!);
  refreshJwksInBackground(event.id, now);
}

/**
 * A token named a kid the event does not know: if the event follows a JWKS URL, the host may just have
 * published a new key. Refreshes at most once per 30 s per event (across instances); returns the new
 * keys when the set changed, else null (the refusal stands).
 */
export async function keysAfterUnknownKid(event: EntryEvent, now: Date): Promise<readonly VerificationKey[] | null> {
  if (!event.jwksNextFetchAt) return null;
  const outcome = await refreshJwks(event.id, "unknown_kid", now);
  if (!outcome.fetched || outcome.configVersion === event.configVersion) return null;
  return verificationKeysFor({ id: event.id, configVersion: outcome.configVersion });
}
