import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/lib/db/create-client";

/**
 * Fixed-window counters kept in the database (rate-limiter-flexible's Prisma store), so several
 * app instances share one budget per key. Better Auth keeps its own limits in the database too
 * (admin sign-in per address, API requests per key); this is the product's own: refused token
 * attempts at the attendee entry.
 */
export interface RateLimitPolicy {
  name: string;
  points: number;
  durationSeconds: number;
}

export const RATE_LIMITS = {
  /**
   * Refused token attempts at one event's entry from one client address. Only refusals count: a
   * whole office behind one address signing in at the start of an event must never be turned away,
   * while someone trying tokens is stopped after 30 failures a minute.
   */
  entryFailures: { name: "entry-failures", points: 30, durationSeconds: 60 },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spends one point. */
  consume(key: string): Promise<RateLimitDecision>;
  /** Whether the key's budget is spent, without spending anything (one read). */
  check(key: string): Promise<RateLimitDecision>;
}

export function createRateLimiter(db: Database, policy: RateLimitPolicy): RateLimiter {
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix: policy.name,
    points: policy.points,
    duration: policy.durationSeconds,
    clearExpiredByTimeout: false,
  });
  return {
    async consume(key) {
      try {
        const result = await limiter.consume(key);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
    async check(key) {
      const current = await limiter.get(key);
      if (!current || current.consumedPoints < policy.points) return { allowed: true, remaining: policy.points - (current?.consumedPoints ?? 0) };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(current.msBeforeNext / 1000)) };
    },
  };
}
