import type { VerificationKey } from "./types";

/** What the loader reads for one event: its keys, imported, and the configVersion they belong to. */
export interface EventKeySet {
  configVersion: number;
  keys: readonly VerificationKey[];
}

/**
 * Reads the event's active, retired and revoked keys and imports them (lib/keys). It should read the
 * keys and Event.configVersion together (one query or transaction), so the version describes the keys.
 */
export type KeyLoader = (eventId: string) => Promise<EventKeySet>;

export interface KeyCacheOptions {
  load: KeyLoader;
  /** Events kept; the least recently used is dropped beyond this. */
  maxEvents?: number;
}

export interface KeyCache {
  /**
   * The event's imported keys for `configVersion` (read from the Event row of this request). A different
   * cached version is a miss: every change to the keys bumps configVersion, so a revocation made on
   * another instance is honoured at that instance's next request. Concurrent misses share one load;
   * a failed load is not cached.
   */
  get(eventId: string, configVersion: number): Promise<readonly VerificationKey[]>;
  /** Drop an event now (e.g. right after this instance changed its keys). */
  invalidate(eventId: string): void;
  clear(): void;
  readonly size: number;
}

interface Entry {
  configVersion: number;
  keys: readonly VerificationKey[];
}

/**
 * Imported KeyObjects per (event, configVersion), so no PEM is parsed per request (parsing is ~6x the cost
 * of the verification itself) and jose's own per-KeyObject cache stays warm.
 */
export function createKeyCache({ load, maxEvents = 1000 }: KeyCacheOptions): KeyCache {
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<EventKeySet>>();

  function remember(eventId: string, set: EventKeySet) {
    const current = entries.get(eventId);
    // A slow load must not replace what a newer one already stored.
    if (current && current.configVersion > set.configVersion) return;
    entries.delete(eventId);
    entries.set(eventId, { configVersion: set.configVersion, keys: set.keys });
    while (entries.size > maxEvents) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  return {
    async get(eventId, configVersion) {
      const hit = entries.get(eventId);
      if (hit && hit.configVersion === configVersion) {
        // Map order is insertion order: re-inserting marks the event as recently used.
        entries.delete(eventId);
        entries.set(eventId, hit);
        return hit.keys;
      }
      const flightKey = `${eventId}\u0000${configVersion}`;
      let flight = loading.get(flightKey);
      if (!flight) {
        flight = load(eventId).then(
          (set) => {
            loading.delete(flightKey);
            remember(eventId, set);
            return set;
          },
          (error: unknown) => {
            loading.delete(flightKey);
            throw error;
          },
        );
        loading.set(flightKey, flight);
      }
      return (await flight).keys;
    },
    invalidate(eventId) {
      entries.delete(eventId);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
