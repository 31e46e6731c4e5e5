/**
 * npm run bench:entry – the attendee entry over HTTP against a production server (`next start`),
 * side by side with `/api/live` (the cheapest answer of the same server) in one run, on SQLite and,
 * where TEST_POSTGRES_URL is set, PostgreSQL. wrk, 64 connections. The scenarios take turns in
 * slices of SLICE_SECONDS (BENCH_ROUNDS rounds, default 4 × 2 s each), so a machine whose load
 * changes during the run (other builds, other tests) weighs on every scenario alike: the ratios
 * hold even when the absolute figures do not. p99 is the median of the slices' p99s.
 * Targets (issue 12): valid token ≥ 0.8× /api/live's requests/s with p99 ≤ 4×; a refusal and a
 * one-off confirmation POST ≥ 0.5×.
 * BENCH_CPU_PROFILE=1 runs the server under `node --cpu-prof` and prints where its time went.
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { EVENT_SLUG, benchDatabases, seedEvent, seedOneOffLinks, signToken, startServer } from "./lib/entry-bench";
import { runWrk, type WrkScenario, type WrkResult } from "./lib/wrk";
import { summarizeCpuProfiles } from "./lib/cpu-profile";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SLICE_SECONDS = Number(process.env.SLICE_SECONDS ?? 2);
const SECONDS = ROUNDS * SLICE_SECONDS;
const CONNECTIONS = 64;
const PORTS = { SQLite: 3250, PostgreSQL: 3251 } as const;

interface Row {
  name: string;
  result: WrkResult;
  target?: { rps: number; p99?: number };
}

async function measure(label: "SQLite" | "PostgreSQL", url: string): Promise<Row[]> {
  const event = await seedEvent(url);
  const dir = `.tmp/bench-entry`;
  const valid = signToken(event, { displayName: "Valid Vera" }, 7200);
  const expired = signToken(event, { displayName: "Late Larry" }, 300, Date.now() - 3600_000);
  // Enough one-off links that no confirmation POST meets a used one (about 1,500 a second at most).
  const links = await seedOneOffLinks(url, event, ROUNDS * Math.max(1000, SLICE_SECONDS * 1500));
  // One file per round: each wrk run starts at the top of its file, and a link works once.
  const perRound = Math.floor(links.length / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) writeFileSync(`${dir}/links-${label}.txt.${round}`, links.slice(round * perRound, (round + 1) * perRound).join("\n") + "\n");

  const profileDir = process.env.BENCH_CPU_PROFILE ? `${dir}/profile-${label}` : undefined;
  const server = await startServer(url, PORTS[label], { cpuProfileDir: profileDir, logFile: `${dir}/server-${label}.log` });
  const entry = `/e/${EVENT_SLUG}`;
  const scenarios: Array<[string, WrkScenario, Row["target"]?]> = [
    ["`GET /api/live` (no database)", { path: "/api/live", expectStatus: 200 }],
    ["valid host token → 303 + session", { path: `${entry}?token=${valid}`, distinctAddresses: true, expectStatus: 303 }, { rps: 0.8, p99: 4 }],
    ["expired token → 401 problem page", { path: `${entry}?token=${expired}`, distinctAddresses: true, expectStatus: 401 }, { rps: 0.5 }],
    [
      "one-off confirmation POST → 303 + session",
      {
        path: entry,
        method: "POST",
        headers: { "Sec-Fetch-Site": "same-origin" },
        itemHeader: ["Cookie", "pending_link={item}"],
        itemsFile: `${dir}/links-${label}.txt`,
        distinctAddresses: true,
        expectStatus: 303,
      },
      { rps: 0.5 },
    ],
  ];
  try {
    // Warm-up: JIT, module loading, caches (the links scenario is left out: it would use links up).
    for (const [, scenario] of scenarios.slice(0, 3)) runWrk(server.base, scenario, 2, CONNECTIONS, `${dir}/warm.lua`);
    console.log(`${label}: load average ${loadavg()[0]!.toFixed(1)} at the start of the measured run`);
    const slices: WrkResult[][] = scenarios.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      scenarios.forEach(([, scenario], i) => {
        const roundScenario = scenario.itemsFile ? { ...scenario, itemsFile: `${scenario.itemsFile}.${round}` } : scenario;
        slices[i]!.push(runWrk(server.base, roundScenario, SLICE_SECONDS, CONNECTIONS, `${dir}/run.lua`));
      });
    }
    return scenarios.map(([name, , target], i) => ({ name, result: combine(slices[i]!), target }));
  } finally {
    await server.stop();
    if (profileDir) summarizeCpuProfiles(profileDir, label);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One scenario's slices: requests/s over all of them; p50 and p99 as the median of the slices'. */
function combine(slices: WrkResult[]): WrkResult {
  const statuses: Record<string, number> = {};
  for (const slice of slices) for (const [status, n] of Object.entries(slice.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    requestsPerSecond: slices.reduce((a, s) => a + s.requestsPerSecond, 0) / slices.length,
    p50Ms: median(slices.map((s) => s.p50Ms)),
    p99Ms: median(slices.map((s) => s.p99Ms)),
    statuses,
    unexpected: slices.reduce((a, s) => a + s.unexpected, 0),
    socketErrors: slices.reduce((a, s) => a + s.socketErrors, 0),
  };
}

function report(label: string, rows: Row[]) {
  const floorRps = rows[0]!.result.requestsPerSecond;
  const floorP99 = rows[0]!.result.p99Ms;
  console.log(`\n${label}: ${CONNECTIONS} connections, ${SECONDS} s per scenario in ${ROUNDS} turns of ${SLICE_SECONDS} s, load average at the end ${loadavg()[0]!.toFixed(1)}\n`);
  console.log("| scenario | req/s | × /api/live | p50 ms | p99 ms | p99 × /api/live | target | |\n| --- | --- | --- | --- | --- | --- | --- | --- |");
  let failed = false;
  for (const { name, result, target } of rows) {
    const ratio = result.requestsPerSecond / floorRps;
    const p99Ratio = result.p99Ms / floorP99;
    const ok = !target || (ratio >= target.rps && (!target.p99 || p99Ratio <= target.p99));
    const bad = result.unexpected + result.socketErrors;
    if (!ok || bad) failed = true;
    const targetText = target ? `≥ ${target.rps}×${target.p99 ? `, p99 ≤ ${target.p99}×` : ""}` : "";
    const note = bad ? ` ${bad} unexpected (${JSON.stringify(result.statuses)}, ${result.socketErrors} socket errors)` : "";
    console.log(
      `| ${name} | ${result.requestsPerSecond.toFixed(0)} | ${ratio.toFixed(2)}× | ${result.p50Ms.toFixed(1)} | ${result.p99Ms.toFixed(1)} | ${p99Ratio.toFixed(2)}× | ${targetText} | ${target ? (ok ? "met" : "MISSED") : ""}${note} |`,
    );
  }
  return failed;
}

async function main() {
  const databases = await benchDatabases("bench-entry");
  let failed = false;
  try {
    for (const database of databases) failed = report(database.label, await measure(database.label, database.url)) || failed;
  } finally {
    for (const database of databases) await database.drop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
