import { describe, expect, it, vi } from "vitest";
import { createKeyCache, type EventKeySet } from "./key-cache";
import { verificationKey } from "@/test/tokens";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("key cache", () => {
  const keysV1 = [verificationKey("a")];
  const keysV2 = [verificationKey("a", "retired"), verificationKey("b")];

  it("loads an event's keys once per configVersion", async () => {
    const load = vi.fn(async (): Promise<EventKeySet> => ({ configVersion: 1, keys: keysV1 }));
    const cache = createKeyCache({ load });
    expect(await cache.get("ev1", 1)).toBe(keysV1);
    expect(await cache.get("ev1", 1)).toBe(keysV1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith("ev1");
  });

  it("reloads when the event's configVersion changed (a key was revoked elsewhere)", async () => {
    let current: EventKeySet = { configVersion: 1, keys: keysV1 };
    const load = vi.fn(async () => current);
    const cache = createKeyCache({ load });
    await cache.get("ev1", 1);
    current = { configVersion: 2, keys: keysV2 };
    expect(await cache.get("ev1", 2)).toBe(keysV2);
    expect(await cache.get("ev1", 2)).toBe(keysV2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shares one load between concurrent requests", async () => {
    const pending = deferred<EventKeySet>();
    const load = vi.fn(() => pending.promise);
    const cache = createKeyCache({ load });
    const requests = Array.from({ length: 20 }, () => cache.get("ev1", 1));
    pending.resolve({ configVersion: 1, keys: keysV1 });
    for (const keys of await Promise.all(requests)) expect(keys).toBe(keysV1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failed load", async () => {
    const load = vi
      .fn<() => Promise<EventKeySet>>()
      .mockRejectedValueOnce(new Error("database down"))
      .mockResolvedValue({ configVersion: 1, keys: keysV1 });
    const cache = createKeyCache({ load });
    await expect(cache.get("ev1", 1)).rejects.toThrow("database down");
    expect(await cache.get("ev1", 1)).toBe(keysV1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps a newer version when an older load finishes last", async () => {
    const slowOld = deferred<EventKeySet>();
    const load = vi.fn<() => Promise<EventKeySet>>().mockReturnValueOnce(slowOld.promise).mockResolvedValueOnce({ configVersion: 2, keys: keysV2 });
    const cache = createKeyCache({ load });
    const old = cache.get("ev1", 1);
    expect(await cache.get("ev1", 2)).toBe(keysV2);
    slowOld.resolve({ configVersion: 1, keys: keysV1 });
    expect(await old).toBe(keysV1);
    expect(await cache.get("ev1", 2)).toBe(keysV2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("is bounded: the least recently used event is dropped", async () => {
    const load = vi.fn(async (eventId: string) => ({ configVersion: 1, keys: [verificationKey("a", "active", eventId)] }));
    const cache = createKeyCache({ load, maxEvents: 2 });
    await cache.get("ev1", 1);
    await cache.get("ev2", 1);
    await cache.get("ev1", 1); // ev1 is now the most recently used
    await cache.get("ev3", 1);
    expect(cache.size).toBe(2);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get("ev1", 1);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get("ev2", 1);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("forgets an event on invalidate, and everything on clear", async () => {
    const load = vi.fn(async () => ({ configVersion: 1, keys: keysV1 }));
    const cache = createKeyCache({ load });
    await cache.get("ev1", 1);
    cache.invalidate("ev1");
    await cache.get("ev1", 1);
    expect(load).toHaveBeenCalledTimes(2);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
