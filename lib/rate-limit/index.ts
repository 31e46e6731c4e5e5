import "server-only";
import { db } from "@/lib/db";
import { createRateLimiter, RATE_LIMITS } from "./limiter";

export { clientAddress, type RateLimitDecision } from "./limiter";

/** The app's limiters, on the shared database client. */
export const entryRateLimiter = createRateLimiter(db, RATE_LIMITS.entry);
export const apiRateLimiter = createRateLimiter(db, RATE_LIMITS.api);
