import "server-only";
import { entryFailureLimiter, type RateLimitDecision } from "@/lib/rate-limit";

/**
 * Refused entry attempts spend a budget per event and client address (RATE_LIMITS.entryFailures,
 * shared by every instance through the database). Only refusals call this: valid tokens never read
 * or spend it. Once an address is known to be over budget, this instance remembers it until the
 * window ends, so someone hammering with bad tokens costs no database write per attempt.
 */
const MAX_REMEMBERED = 10_000;
const blockedUntil = new Map<string, number>();

export async function spendRefusalBudget(eventId: string, clientAddress: string, now: Date): Promise<RateLimitDecision> {
  const key = `${eventId}|${clientAddress}`;
  const until = blockedUntil.get(key);
  if (until !== undefined) {
    if (until > now.getTime()) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
    blockedUntil.delete(key);
  }
  const decision = await entryFailureLimiter.consume(key);
  if (!decision.allowed) {
    if (blockedUntil.size >= MAX_REMEMBERED) blockedUntil.clear();
    blockedUntil.set(key, now.getTime() + decision.retryAfterSeconds * 1000);
  }
  return decision;
}
