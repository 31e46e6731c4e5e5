import "server-only";
import { randomUUID } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { insertRows } from "@/lib/db/raw-sql";
import { logUnexpected } from "@/lib/log";
import { attemptRow, hourOf, minuteOf, type EntryAttemptInput, type EntryAttemptRow } from "./attempt";
import { AttemptBuffer } from "./attempt-buffer";

/**
 * How often buffered attempts are written. A crash (kill -9, power loss) loses at most this much
 * plus a batch being written; a SIGTERM loses none (lib/shutdown.ts flushes first).
 */
export const ATTEMPT_FLUSH_INTERVAL_MS = 1_000;

/**
 * One batch: the attempts in one INSERT, and the per-minute counters the Activity tab reads in a
 * second one (a batch of 2,000 attempts has a few dozen counters: well under any parameter limit).
 */
export async function writeAttempts(batch: EntryAttemptRow[]): Promise<void> {
  if (batch.length === 0) return;
  // Time-ordered ids (UUIDv7): the activity list breaks ties of the same millisecond by id, newest first.
  await insertRows("EntryAttempt", batch.map((row) => ({ id: uuidv7(), ...row })));
  const counters = new Map<string, { id: string; eventId: string; minute: Date; hour: Date; outcome: string; reason: string; keyId: string; kid: string; count: number }>();
  for (const row of batch) {
    const minute = minuteOf(row.at);
    const key = `${row.eventId}|${minute.getTime()}|${row.outcome}|${row.reason ?? ""}|${row.keyId ?? ""}`;
    const counter = counters.get(key);
    if (counter) counter.count++;
    else counters.set(key, { id: randomUUID(), eventId: row.eventId, minute, hour: hourOf(row.at), outcome: row.outcome, reason: row.reason ?? "", keyId: row.keyId ?? "", kid: row.kid ?? "", count: 1 });
  }
  // A concurrent instance's insert of the same minute becomes an addition, never a conflict.
  await insertRows(
    "ActivityMinute",
    [...counters.values()],
    `ON CONFLICT ("eventId", "minute", "outcome", "reason", "keyId") DO UPDATE SET "count" = "ActivityMinute"."count" + excluded."count"`,
  );
}

interface RecorderState {
  buffer: AttemptBuffer;
  timer: ReturnType<typeof setInterval> | null;
  /** For `npm run bench`'s side-by-side run without recording; never set in production. */
  disabled: boolean;
}

// On globalThis, like the db client: one buffer per server process, whatever the module graph.
const globalForAttempts = globalThis as unknown as { __entryAttempts?: RecorderState };
const state: RecorderState = (globalForAttempts.__entryAttempts ??= {
  buffer: new AttemptBuffer(writeAttempts),
  timer: null,
  disabled: process.env.ENTRY_ACTIVITY_RECORDING === "off",
});

function flushInBackground(): void {
  state.buffer.flush().catch((error: unknown) => logUnexpected("entry attempt flush", error));
}

/**
 * Records one entry attempt: an array push now, written within ATTEMPT_FLUSH_INTERVAL_MS (or at
 * once when a batch is full). Never throws and never waits for the database.
 */
export function recordEntryAttempt(input: EntryAttemptInput): void {
  if (state.disabled) return;
  try {
    if (state.buffer.add(attemptRow(input))) flushInBackground();
  } catch (error) {
    logUnexpected("entry attempt record", error);
    return;
  }
  if (!state.timer) {
    state.timer = setInterval(flushInBackground, ATTEMPT_FLUSH_INTERVAL_MS);
    // Never keeps a process (CLI, tests) alive on its own.
    state.timer.unref?.();
  }
}

/** Benchmarks only: compares the entry with and without recording in one run (npm run bench:activity). */
export function setEntryRecordingForBenchmark(enabled: boolean): void {
  state.disabled = !enabled;
}

/** Writes every buffered attempt now (tests; a graceful shutdown; the Activity tab's "now"). */
export async function flushEntryAttempts(): Promise<void> {
  await state.buffer.flush();
}

export function pendingEntryAttempts(): number {
  return state.buffer.size;
}
