import "server-only";
import { db } from "@/lib/db";
import { logUnexpected } from "@/lib/log";
import { pruneExpiredRows } from "./prune";

/** Every instance prunes this often (and once a minute after it starts); deleting twice is harmless. */
export const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 60 * 1000;

const globalForPrune = globalThis as unknown as { __pruneTimer?: ReturnType<typeof setInterval> };

export function startPruneSchedule(): void {
  if (globalForPrune.__pruneTimer) return;
  const run = () => {
    pruneExpiredRows(db, new Date()).catch((error: unknown) => logUnexpected("scheduled prune", error));
  };
  setTimeout(run, FIRST_RUN_DELAY_MS).unref?.();
  globalForPrune.__pruneTimer = setInterval(run, PRUNE_INTERVAL_MS);
  globalForPrune.__pruneTimer.unref?.();
}
