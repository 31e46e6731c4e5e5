import { describe, expect, it } from "vitest";
import { createRefusalBudget } from "./refusal-tally";

/** The shared row of the database limiter, as several instances see it. */
function sharedStore() {
  const points = new Map<string, number>();
  const writes: Array<[string, number]> = [];
  return {
    writes,
    limiter: {
      async add(key: string, n: number) {
        writes.push([key, n]);
        points.set(key, (points.get(key) ?? 0) + n);
        return { consumedPoints: points.get(key)!, msBeforeNext: 60_000 };
      },
    },
  };
}

const policy = { name: "entry-failures", points: 30, durationSeconds: 60 };
const NOW = new Date("2030-03-01T10:00:00Z");

describe("createRefusalBudget", () => {
  it("allows 30 refusals a minute per key, then says when to retry; other keys are untouched", async () => {
    const budget = createRefusalBudget(sharedStore().limiter, policy, { flushMs: 60_000 });
    const decisions = Array.from({ length: 31 }, () => budget.spend("office", NOW));
    expect(decisions.slice(0, 30).every((d) => d.allowed)).toBe(true);
    expect(decisions[30]).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(budget.spend("office", new Date(NOW.getTime() + 45_000))).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(budget.spend("elsewhere", NOW)).toEqual({ allowed: true, remaining: 29 });
    expect(budget.spend("office", new Date(NOW.getTime() + 60_000))).toEqual({ allowed: true, remaining: 29 }); // a new window
  });

  it("writes one addition per key per flush, however many refusals", async () => {
    const store = sharedStore();
    const budget = createRefusalBudget(store.limiter, policy, { flushMs: 60_000 });
    for (let i = 0; i < 12; i++) budget.spend("a", NOW);
    budget.spend("b", NOW);
    await budget.flush(NOW);
    expect(store.writes.sort()).toEqual([["a", 12], ["b", 1]]);
    await budget.flush(NOW);
    expect(store.writes).toHaveLength(2); // nothing new, nothing written
  });

  it("holds an address to the shared budget across instances once their counts are written", async () => {
    const store = sharedStore();
    const instanceA = createRefusalBudget(store.limiter, policy, { flushMs: 60_000 });
    const instanceB = createRefusalBudget(store.limiter, policy, { flushMs: 60_000 });
    for (let i = 0; i < 20; i++) instanceA.spend("nat", NOW);
    await instanceA.flush(NOW);
    for (let i = 0; i < 10; i++) expect(instanceB.spend("nat", NOW).allowed).toBe(true);
    await instanceB.flush(NOW); // B learns the shared total: 30
    expect(instanceB.spend("nat", NOW)).toMatchObject({ allowed: false });
  });

  it("keeps counting while the database is unreachable and writes the refusals later", async () => {
    const store = sharedStore();
    let down = true;
    const budget = createRefusalBudget({ add: (k, n) => (down ? Promise.reject(new Error("unreachable")) : store.limiter.add(k, n)) }, policy, { flushMs: 60_000 });
    budget.spend("a", NOW);
    budget.spend("a", NOW);
    await budget.flush(NOW);
    down = false;
    await budget.flush(NOW);
    expect(store.writes).toEqual([["a", 2]]);
  });
});
