import type { RateLimitDecision, RateLimiter, RateLimitPolicy } from "@/lib/rate-limit/limiter";

/**
 * A refusal budget counted in this instance first and written behind: each instance decides from
 * its own count plus the shared total it last read, and adds its refusals to the shared row every
 * `flushMs` (one write per key, however many refusals). Spending costs no database round trip, and
 * a key whose attempts are spread over several instances is held to the shared budget within
 * about `flushMs`.
 */
export function createRefusalBudget(limiter: Pick<RateLimiter, "add">, policy: RateLimitPolicy, options: { flushMs: number; maxKeys?: number }) {
  const maxKeys = options.maxKeys ?? 50_000;
  const tallies = new Map<string, { pending: number; total: number; windowEndsAt: number }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> | null = null;

  async function flush(now = Date.now()): Promise<void> {
    timer = null;
    for (const [key, tally] of tallies) {
      // A window that ended takes its unwritten refusals along: they no longer count anywhere.
      if (tally.windowEndsAt <= now) tallies.delete(key);
      if (tally.windowEndsAt <= now || tally.pending === 0) continue;
      const points = tally.pending;
      tally.pending = 0;
      try {
        const shared = await limiter.add(key, points);
        // The shared total includes other instances' refusals and ours; keep any counted meanwhile.
        tally.total = Math.max(tally.total, shared.consumedPoints + tally.pending);
        if (shared.msBeforeNext > 0) tally.windowEndsAt = now + shared.msBeforeNext;
      } catch {
        tally.pending += points; // the database is briefly unreachable: try again with the next flush
      }
    }
  }

  function scheduleFlush() {
    if (timer || flushing) return;
    timer = setTimeout(() => {
      flushing = flush().finally(() => {
        flushing = null;
        if ([...tallies.values()].some((t) => t.pending > 0)) scheduleFlush();
      });
    }, options.flushMs);
    timer.unref?.();
  }

  return {
    spend(key: string, now: Date): RateLimitDecision {
      const t = now.getTime();
      let tally = tallies.get(key);
      if (!tally || tally.windowEndsAt <= t) {
        if (tallies.size >= maxKeys) tallies.clear();
        tally = { pending: 0, total: 0, windowEndsAt: t + policy.durationSeconds * 1000 };
        tallies.set(key, tally);
      }
      tally.pending++;
      tally.total++;
      scheduleFlush();
      if (tally.total > policy.points) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((tally.windowEndsAt - t) / 1000)) };
      return { allowed: true, remaining: policy.points - tally.total };
    },
    /** Writes every counted refusal now (tests; a flush also runs `flushMs` after a refusal). */
    async flush(now = new Date()): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await flushing;
      await flush(now.getTime());
    },
  };
}
