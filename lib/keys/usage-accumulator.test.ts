import { describe, expect, it } from "vitest";
import { UsageAccumulator, type KeyUsage } from "./usage-accumulator";

const t = (s: number) => new Date(Date.UTC(2027, 2, 1, 10, 0, s));

describe("usage accumulator", () => {
  it("writes nothing per use, then one entry per key with the count and the latest time", async () => {
    const writes: KeyUsage[][] = [];
    const usage = new UsageAccumulator(async (batch) => void writes.push(batch));
    for (let i = 0; i < 1000; i++) usage.record("k1", t(i % 50));
    usage.record("k2", t(7));
    usage.record("k2", t(3)); // out of order: the latest still wins
    expect(writes).toHaveLength(0);
    await usage.flush();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toEqual([
      { signingKeyId: "k1", count: 1000, lastUsedAt: t(49) },
      { signingKeyId: "k2", count: 2, lastUsedAt: t(7) },
    ]);
    await usage.flush();
    expect(writes).toHaveLength(1); // nothing new, nothing written
  });

  it("keeps uses recorded during a flush for the next one", async () => {
    const writes: KeyUsage[][] = [];
    let release!: () => void;
    const usage = new UsageAccumulator(async (batch) => {
      writes.push(batch);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    usage.record("k1", t(1));
    const first = usage.flush();
    await Promise.resolve();
    usage.record("k1", t(2));
    release();
    await first;
    await usage.flush();
    expect(writes.map((b) => b.map((u) => u.count))).toEqual([[1], [1]]);
  });

  it("puts a failed batch back so no use is lost", async () => {
    let fail = true;
    const written: KeyUsage[] = [];
    const usage = new UsageAccumulator(async (batch) => {
      if (fail) throw new Error("database down");
      written.push(...batch);
    });
    usage.record("k1", t(5));
    await expect(usage.flush()).rejects.toThrow("database down");
    usage.record("k1", t(2));
    fail = false;
    await usage.flush();
    expect(written).toEqual([{ signingKeyId: "k1", count: 2, lastUsedAt: t(5) }]);
  });
});
