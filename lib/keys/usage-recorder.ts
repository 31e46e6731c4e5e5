import "server-only";
import { db } from "@/lib/db";
import { logUnexpected } from "@/lib/log";
import { UsageAccumulator, type KeyUsage } from "./usage-accumulator";

export const USAGE_FLUSH_INTERVAL_MS = 5_000;

/**
 * One UPDATE per key and flush: the count is added, and lastVerifiedAt only moves forward (another
 * instance may have written a later time already). When the conditional update matches nothing
 * because a later time is stored, only the count is added.
 */
export async function writeKeyUsage(batch: KeyUsage[]): Promise<void> {
  for (const { signingKeyId, count, lastUsedAt } of batch) {
    const moved = await db.signingKey.updateMany({
      where: { id: signingKeyId, OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: lastUsedAt } }] },
      data: { verifyCount: { increment: count }, lastVerifiedAt: lastUsedAt },
    });
    if (moved.count === 0) {
      // Either a later time is stored, or the key (its event) was deleted meanwhile: then this matches nothing too.
      await db.signingKey.updateMany({ where: { id: signingKeyId }, data: { verifyCount: { increment: count } } });
    }
  }
}

interface RecorderState {
  accumulator: UsageAccumulator;
  timer: ReturnType<typeof setInterval> | null;
}

// On globalThis, like the db client: one accumulator per server process, whatever the module graph.
const globalForUsage = globalThis as unknown as { __keyUsage?: RecorderState };
const state: RecorderState = (globalForUsage.__keyUsage ??= { accumulator: new UsageAccumulator(writeKeyUsage), timer: null });

function startTimer(): void {
  if (state.timer) return;
  state.timer = setInterval(() => {
    state.accumulator.flush().catch((error: unknown) => logUnexpected("key usage flush", error));
  }, USAGE_FLUSH_INTERVAL_MS);
  // Never keeps a process (CLI, tests) alive on its own.
  state.timer.unref?.();
}

/** Records one successful verification with this key. Memory only; written within USAGE_FLUSH_INTERVAL_MS. */
export function recordKeyUse(signingKeyId: string, at: Date = new Date()): void {
  state.accumulator.record(signingKeyId, at);
  startTimer();
}

/** Writes all recorded usage now (tests; a graceful shutdown). */
export async function flushKeyUsage(): Promise<void> {
  await state.accumulator.flush();
}
