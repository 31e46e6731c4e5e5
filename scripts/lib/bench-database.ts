import { mkdirSync, rmSync } from "node:fs";
import { createScratchPostgres } from "./scratch-postgres";

/**
 * A throw-away database for a benchmark: SQLite under .tmp/<name> by default, or with
 * BENCH_DB=postgres a new database on TEST_POSTGRES_URL's server (default the local one), dropped by `drop`.
 */
export async function benchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.BENCH_DB === "postgres") {
    const server = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    return createScratchPostgres(server, `${name.replace(/-/g, "_")}_${Date.now()}`);
  }
  rmSync(`.tmp/${name}`, { recursive: true, force: true });
  mkdirSync(`.tmp/${name}`, { recursive: true });
  return { url: `file:./.tmp/${name}/bench.db`, drop: async () => {} };
}

/** The median time of `runs` calls, in ms (after one unmeasured warm-up call when asked). */
export async function medianMs(work: () => Promise<unknown>, runs: number, options: { warmUp?: boolean } = {}): Promise<number> {
  if (options.warmUp) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
