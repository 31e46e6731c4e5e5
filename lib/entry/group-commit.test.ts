import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit";

describe("createGroupCommit", () => {
  it("writes a lone row at once and rows arriving during a write together, settling each after its own write", async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((r) => (release = r));
    const writer = createGroupCommit<number>(async (rows) => {
      batches.push(rows);
      if (batches.length === 1) await firstWrite;
    });
    const settled: number[] = [];
    const first = writer.add(1).then(() => settled.push(1));
    const rest = [2, 3, 4].map((n) => writer.add(n).then(() => settled.push(n)));
    await Promise.resolve();
    expect(batches).toEqual([[1]]);
    expect(settled).toEqual([]); // nobody is told "written" before the commit
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(settled.sort()).toEqual([1, 2, 3, 4]);
  });

  it("writes a failed batch row by row, so only the bad row's caller fails", async () => {
    let release!: () => void;
    const firstWrite = new Promise<void>((r) => (release = r));
    const written: number[] = [];
    const writer = createGroupCommit<number>(async (rows) => {
      if (rows.length === 1 && rows[0] === 0) return firstWrite;
      if (rows.includes(13)) throw new Error("foreign key violated");
      written.push(...rows);
    });
    const blocker = writer.add(0);
    const results = await Promise.allSettled([writer.add(12), writer.add(13), writer.add(14), (release(), blocker)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(written.sort()).toEqual([12, 14]);
  });

  it("rejects the caller of a failed row and keeps writing later rows", async () => {
    let fail = true;
    const written: number[] = [];
    const writer = createGroupCommit<number>(async (rows) => {
      if (fail) throw new Error("database is locked");
      written.push(...rows);
    });
    await expect(writer.add(1)).rejects.toThrow("database is locked");
    fail = false;
    await writer.add(2);
    expect(written).toEqual([2]);
  });

  it("splits a long queue into batches of at most maxBatch rows", async () => {
    const sizes: number[] = [];
    const writer = createGroupCommit<number>(async (rows) => void sizes.push(rows.length), 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => writer.add(i)));
    expect(sizes).toEqual([1, 3, 3, 1]);
  });
});
