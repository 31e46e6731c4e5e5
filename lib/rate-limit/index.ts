import "server-only";
import { db } from "@/lib/db";
import { createRateLimiter, RATE_LIMITS } from "./limiter";

export { type RateLimitDecision } from "./limiter";
export { clientAddress } from "@/lib/http/forwarded";

/** Refused token attempts per event and client address, on the shared database client. */
export const entryFailureLimiter = createRateLimiter(db, RATE_LIMITS.entryFailures);
