/**
 * Group commit: rows added while a write is in flight are written together by the next one, and
 * every caller's promise settles when ITS row is committed. With no load a row is written at once
 * (no timer, no added latency); under a surge, one INSERT carries many rows. When a batch fails, its
 * rows are written one by one, so one bad row (say, of an event deleted meanwhile) fails alone, and
 * no caller is told "done" for a row that is not there.
 */
export function createGroupCommit<T>(write: (rows: T[]) => Promise<void>, maxBatch = 500) {
  let queue: Array<{ row: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await write(batch.map((entry) => entry.row));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else await Promise.all(batch.map((entry) => write([entry.row]).then(entry.resolve, entry.reject)));
      }
    }
    writing = false;
  }

  return {
    add(row: T): Promise<void> {
      const done = new Promise<void>((resolve, reject) => queue.push({ row, resolve, reject }));
      if (!writing) void drain();
      return done;
    },
  };
}
