/**
 * A read-through cache whose entries are trusted for `freshMs` after the read that produced them
 * began, then read again. Concurrent misses for one key share one read. The window bounds how long
 * a change made through another instance can go unseen here (the event row carries configVersion,
 * so a revoked key is refused within the window). Time comes from `clock` (monotonic by default).
 */
export function createFreshCache<V>(options: { load: (key: string) => Promise<V>; freshMs: number; maxEntries?: number; clock?: () => number }) {
  const clock = options.clock ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: V; readAt: number }>();
  const inFlight = new Map<string, Promise<V>>();

  return {
    get(key: string): Promise<V> {
      const hit = entries.get(key);
      if (hit && clock() - hit.readAt < options.freshMs) return Promise.resolve(hit.value);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const readAt = clock();
      const read = options.load(key).then(
        (value) => {
          inFlight.delete(key);
          if (entries.size >= maxEntries) entries.clear(); // unknown addresses must not grow memory without bound
          entries.set(key, { value, readAt });
          return value;
        },
        (error: unknown) => {
          inFlight.delete(key);
          throw error;
        },
      );
      inFlight.set(key, read);
      return read;
    },
    /** Forget everything (tests; and this instance after it changed what is cached). */
    clear(): void {
      entries.clear();
    },
  };
}
