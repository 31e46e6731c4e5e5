import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { databaseProviderOf } from "@/lib/db/provider";
import { databaseUrl } from "@/lib/env";
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
  await db.entryAttempt.createMany({ data: batch });
  const counters = new Map<string, { eventId: string; minute: Date; hour: Date; outcome: string; reason: string; keyId: string; kid: string; count: number }>();
  for (const row of batch) {
    const minute = minuteOf(row.at);
    const key = `${row.eventId}|${minute.getTime()}|${row.outcome}|${row.reason ?? ""}|${row.keyId ?? ""}`;
    const counter = counters.get(key);
    if (counter) counter.count++;
    else counters.set(key, { eventId: row.eventId, minute, hour: hourOf(row.at), outcome: row.outcome, reason: row.reason ?? "", keyId: row.keyId ?? "", kid: row.kid ?? "", count: 1 });
  }
  // One statement for all of the batch's counters (the same SQL on SQLite and PostgreSQL): a
  // concurrent instance's insert of the same minute becomes an addition, never a conflict.
  const rows = [...counters.values()];
  const postgres = databaseProviderOf(databaseUrl()) === "postgresql";
  const params: unknown[] = [];
  const placeholder = () => (postgres ? `$${params.length}` : "?");
  const tuples = rows.map((c) => {
    const values = [randomUUID(), c.eventId, c.minute, c.hour, c.outcome, c.reason, c.keyId, c.kid, c.count];
    return `(${values.map((v) => (params.push(v), placeholder())).join(", ")})`;
  });
  await db.$executeRawUnsafe(
    `INSERT INTO "ActivityMinute" ("id", "eventId", "minute", "hour", "outcome", "reason", "keyId", "kid", "count") VALUES ${tuples.join(", ")} ` +
      `ON CONFLICT ("eventId", "minute", "outcome", "reason", "keyId") DO UPDATE SET "count" = "ActivityMinute"."count" + excluded."count"`,
    ...params,
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
