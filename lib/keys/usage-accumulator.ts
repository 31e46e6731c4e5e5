/**
 * Counts successful verifications per key in memory and hands them out in batches, so the attendee
 * entry records usage without a database write per token. Pure: the writer and timer are injected
 * (usage-recorder.ts wires them to the database).
 */
export interface KeyUsage {
  signingKeyId: string;
  count: number;
  lastUsedAt: Date;
}

export type UsageWriter = (batch: KeyUsage[]) => Promise<void>;

/** Above this many distinct unflushed keys, new keys are dropped (a flood cannot grow memory without bound). */
const MAX_PENDING_KEYS = 10_000;

export class UsageAccumulator {
  private pending = new Map<string, { count: number; last: number }>();
  private flushing: Promise<void> | null = null;

  constructor(private readonly write: UsageWriter) {}

  record(signingKeyId: string, at: Date): void {
    const entry = this.pending.get(signingKeyId);
    if (entry) {
      entry.count++;
      if (at.getTime() > entry.last) entry.last = at.getTime();
    } else if (this.pending.size < MAX_PENDING_KEYS) {
      this.pending.set(signingKeyId, { count: 1, last: at.getTime() });
    }
  }

  get pendingKeys(): number {
    return this.pending.size;
  }

  /** Writes everything recorded so far; on failure the batch is merged back and retried next time. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const usages: KeyUsage[] = [...batch].map(([signingKeyId, { count, last }]) => ({ signingKeyId, count, lastUsedAt: new Date(last) }));
    this.flushing = this.write(usages)
      .catch((error: unknown) => {
        for (const [id, { count, last }] of batch) {
          const entry = this.pending.get(id);
          if (entry) {
            entry.count += count;
            entry.last = Math.max(entry.last, last);
          } else this.pending.set(id, { count, last });
        }
        throw error;
      })
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
  }
}
