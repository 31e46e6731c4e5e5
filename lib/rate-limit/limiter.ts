import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/lib/db/create-client";

/**
 * Fixed-window counters kept in the database (rate-limiter-flexible's Prisma store), so several
 * app instances share one budget per key. Better Auth keeps its own sign-in limits in the database
 * too (lib/auth/auth.ts); these are the product's own: the attendee entry and the HTTP API.
 */
export interface RateLimitPolicy {
  name: string;
  points: number;
  durationSeconds: number;
}

export const RATE_LIMITS = {
  /** Token attempts at one event's entry from one client address. */
  entry: { name: "entry", points: 30, durationSeconds: 60 },
  /** Requests per organization API key. */
  api: { name: "api", points: 600, durationSeconds: 60 },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  consume(key: string): Promise<RateLimitDecision>;
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
  };
}

/** The client address as the trusted proxy reports it (first X-Forwarded-For entry), as Better Auth reads it. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
