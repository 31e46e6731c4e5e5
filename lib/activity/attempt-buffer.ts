import type { EntryAttemptRow } from "./attempt";

export type AttemptWriter = (batch: EntryAttemptRow[]) => Promise<void>;

/** Above this many unwritten attempts (the database is down), new ones are counted as dropped, not kept. */
export const MAX_PENDING_ATTEMPTS = 50_000;
/** A batch this large is written at once instead of waiting for the timer. */
export const FLUSH_BATCH_SIZE = 500;

/**
 * Keeps entry attempts in memory and writes them in batches, one at a time, so recording costs the
 * entry an array push. Pure: the writer is injected (recorder.ts wires it to the database).
 */
export class AttemptBuffer {
  private pending: EntryAttemptRow[] = [];
  private flushing: Promise<void> | null = null;
  dropped = 0;

  constructor(private readonly write: AttemptWriter) {}

  /** Returns true when a batch is full and should be written now. */
  add(row: EntryAttemptRow): boolean {
    if (this.pending.length >= MAX_PENDING_ATTEMPTS) {
      this.dropped++;
      return false;
    }
    this.pending.push(row);
    return this.pending.length >= FLUSH_BATCH_SIZE;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Writes everything added so far, in batches; a failed batch goes back to the front and is retried next time. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, FLUSH_BATCH_SIZE * 2);
      this.flushing = this.write(batch)
        .catch((error: unknown) => {
          this.pending = [...batch, ...this.pending].slice(0, MAX_PENDING_ATTEMPTS);
          throw error;
        })
        .finally(() => {
          this.flushing = null;
        });
      await this.flushing;
    }
  }
}
