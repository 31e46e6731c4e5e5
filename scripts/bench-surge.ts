/**
 * npm run bench:surge – the first minute of an event: 10,000 distinct attendees (each their own
 * host-minted token, a third carrying a jti) arrive within SURGE_SECONDS (default 60) over 64
 * connections, with 20 % refused tokens (expired or tampered) from other addresses mixed in.
 * Attendees share 500 addresses (offices behind NATs); the refused tokens come from 250 others.
 * Against a production server on SQLite and, where TEST_POSTGRES_URL is set, PostgreSQL.
 * Passes when every valid attendee is admitted (303 to the lobby, and a session row each), every
 * refused token gets its 401 page, and nothing else happens: 0 errors. Prints p50/p99.
 */
import http from "node:http";
import { randomBytes, randomUUID } from "node:crypto";
import { createDatabaseClient } from "@/lib/db/create-client";
import { EVENT_SLUG, benchDatabases, seedEvent, signToken, startServer } from "./lib/entry-bench";

const ATTENDEES = Number(process.env.SURGE_ATTENDEES ?? 10_000);
const SECONDS = Number(process.env.SURGE_SECONDS ?? 60);
const CONNECTIONS = 64;
const REFUSED = Math.round(ATTENDEES / 4); // 20 % of all requests
const PORTS = { SQLite: 3252, PostgreSQL: 3253 } as const;

interface Arrival {
  path: string;
  address: string;
  expect: 303 | 401;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32BE() % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function arrivals(event: Awaited<ReturnType<typeof seedEvent>>): { list: Arrival[]; withJti: number } {
  const list: Arrival[] = [];
  let withJti = 0;
  for (let i = 0; i < ATTENDEES; i++) {
    const jti = i % 3 === 0 ? randomUUID() : undefined;
    if (jti) withJti++;
    const token = signToken(event, { displayName: `Attendee ${i}`, email: `a${i}@example.com`, ...(jti ? { jti } : {}) }, 300);
    list.push({ path: `/e/${EVENT_SLUG}?token=${token}`, address: `10.20.${i % 500 >> 8}.${i % 500 & 255}`, expect: 303 });
  }
  for (let i = 0; i < REFUSED; i++) {
    const token =
      i % 2 === 0
        ? signToken(event, { displayName: `Stale ${i}` }, 300, Date.now() - 3600_000) // an old link from a mail
        : signToken(event, { displayName: `Edited ${i}` }).slice(0, -8) + "AAAAAAAA"; // changed after signing
    list.push({ path: `/e/${EVENT_SLUG}?token=${token}`, address: `10.30.${i % 250}.1`, expect: 401 });
  }
  return { list: shuffle(list), withJti };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function surge(label: "SQLite" | "PostgreSQL", url: string) {
  const event = await seedEvent(url);
  const { list, withJti } = arrivals(event);
  const server = await startServer(url, PORTS[label], { logFile: `.tmp/bench-surge/server-${label}.log` });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(server.base);
  const latencies: number[] = [];
  const outcomes = { admitted: 0, refused: 0, errors: 0 };
  const errorSamples: string[] = [];
  const send = (arrival: Arrival) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const done = (problem?: string) => {
        latencies.push(performance.now() - started);
        if (problem) {
          outcomes.errors++;
          if (errorSamples.length < 5) errorSamples.push(problem);
        }
        resolve();
      };
      const req = http.request({ host: target.hostname, port: target.port, path: arrival.path, agent, headers: { "x-forwarded-for": arrival.address } }, (res) => {
        res.resume();
        res.on("end", () => {
          const ok = res.statusCode === arrival.expect && (arrival.expect !== 303 || res.headers.location?.endsWith(`/e/${EVENT_SLUG}/lobby`));
          if (!ok) return done(`${res.statusCode} for an expected ${arrival.expect}`);
          if (arrival.expect === 303) outcomes.admitted++;
          else outcomes.refused++;
          done();
        });
      });
      req.on("error", (error) => done(error.message));
      req.end();
    });

  try {
    // A few requests first, so the measured minute does not include the server's first-request warm-up.
    await Promise.all(Array.from({ length: 8 }, () => fetch(`${server.base}/e/${EVENT_SLUG}?token=warm.up.token`, { headers: { "x-forwarded-for": "10.99.0.1" } })));
    const began = performance.now();
    const interval = (SECONDS * 1000) / list.length;
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < list.length; i++) {
      const due = began + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(send(list[i]!)); // the agent queues beyond 64 connections; the wait counts in the latency
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - began) / 1000;

    const db = createDatabaseClient(url);
    const sessions = await db.attendeeSession.count({ where: { eventId: event.eventId } });
    const redemptions = await db.tokenRedemption.count({ where: { eventId: event.eventId } });
    await db.$disconnect();
    latencies.sort((a, b) => a - b);
    return { label, elapsed, ...outcomes, sessions, redemptions, withJti, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0, errorSamples };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

async function main() {
  const databases = await benchDatabases("bench-surge");
  const rows = [];
  try {
    for (const database of databases) rows.push(await surge(database.label, database.url));
  } finally {
    for (const database of databases) await database.drop();
  }
  console.log(`\n${ATTENDEES} attendees (${rows[0]?.withJti ?? 0} with a jti) + ${REFUSED} refused tokens, arriving over ${SECONDS} s, ${CONNECTIONS} connections\n`);
  console.log("| database | all answered after | admitted | session rows | jti claims | refused (401 page) | errors | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  let failed = false;
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.elapsed.toFixed(1)} s | ${r.admitted} / ${ATTENDEES} | ${r.sessions} | ${r.redemptions} / ${r.withJti} | ${r.refused} / ${REFUSED} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(0)} |`);
    if (r.errorSamples.length) console.log(`  ${r.label} errors, for example: ${r.errorSamples.join("; ")}`);
    if (r.errors || r.admitted !== ATTENDEES || r.sessions !== ATTENDEES || r.redemptions !== r.withJti || r.refused !== REFUSED || r.elapsed > SECONDS + 5) failed = true;
  }
  if (failed) {
    console.log("\nFAILED: not every attendee was admitted within the minute with 0 errors.");
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
