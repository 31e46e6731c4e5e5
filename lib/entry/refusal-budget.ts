import "server-only";
import { entryFailureLimiter, type RateLimitDecision } from "@/lib/rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limiter";
import { createRefusalBudget } from "./refusal-tally";

/**
 * Refused entry attempts spend a budget per event and client address (RATE_LIMITS.entryFailures,
 * shared by every instance through the database, written behind every FLUSH_MS: see
 * refusal-tally.ts). Only refusals call this: valid tokens never read or spend it, so one
 * attendee's stale link cannot lock out the office behind the same address.
 */
const FLUSH_MS = 500;
const entryRefusals = createRefusalBudget(entryFailureLimiter, RATE_LIMITS.entryFailures, { flushMs: FLUSH_MS });

export function spendRefusalBudget(eventId: string, clientAddress: string, now: Date): RateLimitDecision {
  return entryRefusals.spend(`${eventId}|${clientAddress}`, now);
}

export const flushRefusalBudget = () => entryRefusals.flush();
