import { describe, expect, it } from "vitest";
import { createFreshCache } from "./fresh-cache";

function setup(freshMs = 250) {
  let time = 1000;
  let version = 1;
  const reads: string[] = [];
  const cache = createFreshCache({
    freshMs,
    clock: () => time,
    load: async (key: string) => {
      reads.push(key);
      return `${key}@v${version}`;
    },
  });
  return { cache, reads, advance: (ms: number) => (time += ms), bump: () => version++ };
}

describe("createFreshCache", () => {
  it("serves a value for the freshness window, then reads again and sees the change", async () => {
    const { cache, reads, advance, bump } = setup(250);
    expect(await cache.get("spring")).toBe("spring@v1");
    bump(); // e.g. a key revoked through another instance
    advance(249);
    expect(await cache.get("spring")).toBe("spring@v1");
    advance(1);
    expect(await cache.get("spring")).toBe("spring@v2");
    expect(reads).toEqual(["spring", "spring"]);
  });

  it("shares one read among concurrent misses of one key", async () => {
    const { cache, reads } = setup();
    const values = await Promise.all(Array.from({ length: 20 }, () => cache.get("spring")));
    expect(new Set(values)).toEqual(new Set(["spring@v1"]));
    expect(reads).toEqual(["spring"]);
  });

  it("does not keep a failed read, so the next request tries again", async () => {
    let fail = true;
    const cache = createFreshCache({ freshMs: 1000, clock: () => 0, load: async (k: string) => (fail ? Promise.reject(new Error("down")) : k) });
    await expect(cache.get("a")).rejects.toThrow("down");
    fail = false;
    expect(await cache.get("a")).toBe("a");
  });

  it("stays bounded when many different keys are asked for", async () => {
    const reads: string[] = [];
    const cache = createFreshCache({ freshMs: 1000, maxEntries: 3, clock: () => 0, load: async (k: string) => (reads.push(k), k) });
    for (const key of ["a", "b", "c", "d", "a"]) await cache.get(key);
    expect(reads).toEqual(["a", "b", "c", "d", "a"]); // "a" was dropped when the fourth key came
  });
});
