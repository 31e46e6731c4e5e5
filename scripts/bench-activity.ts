/**
 * npm run bench:activity – the event-day figures of issue 11, each measured side by side in one run:
 *  1. Scale: one event with 10,000 recorded attempts and one with 1,000,000 in the same database;
 *     the summary endpoint's query and the Activity tab's server-side data (summary, diagnosis, the
 *     attempts table's first page, keys, open sessions), median of 7, and their ratio.
 *     Both events have the same live traffic in the last hour (3,000 attempts); the rest of their
 *     history is spread over the 30 days before. The whole 30-day window (hour buckets) is reported too.
 *  2. Entry throughput with recording vs without: the entry's decision plus recordEntryAttempt, as
 *     lib/entry/http.ts calls it, 16 concurrent callers, alternating 3 s rounds with recording on and off.
 * SQLite by default; BENCH_DB=postgres uses TEST_POSTGRES_URL's server (default the local one).
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { SignJWT, calculateJwkThumbprint } from "jose";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { benchDatabase, medianMs } from "./lib/bench-database";

const SMALL = Number(process.env.BENCH_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000);
const RECENT = 3_000;
const NOW = new Date();

const median = (work: () => Promise<unknown>) => medianMs(work, 7, { warmUp: true });

async function main() {
  const { url, drop } = await benchDatabase("bench-activity");
  await migrateDatabase(url, { quiet: true });
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { attemptRow, hourOf, minuteOf } = await import("@/lib/activity/attempt");
  // Seeding a million rows through the ORM would take most of an hour here: plain multi-row INSERTs.
  const sqlite = url.startsWith("file:") ? new Sqlite(url.slice("file:".length)) : null;
  const pgClient = sqlite ? null : new pg.Client({ connectionString: url });
  await pgClient?.connect();
  sqlite?.pragma("journal_mode = WAL");
  const bulkInsert = async (table: string, rows: Array<Record<string, unknown>>) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const value = (v: unknown) => (v instanceof Date ? (sqlite ? v.toISOString().replace("Z", "+00:00") : v.toISOString().replace("Z", "")) : (v ?? null));
    const quoted = columns.map((c) => `"${c}"`).join(", ");
    if (sqlite) {
      const insert = sqlite.prepare(`INSERT INTO "${table}" (${quoted}) VALUES (${columns.map(() => "?").join(", ")})`);
      sqlite.transaction(() => {
        for (const row of rows) insert.run(...columns.map((c) => value(row[c])));
      })();
      return;
    }
    const params: unknown[] = [];
    const tuples = rows.map((row) => `(${columns.map((c) => { params.push(value(row[c])); return `$${params.length}`; }).join(", ")})`);
    await pgClient!.query(`INSERT INTO "${table}" (${quoted}) VALUES ${tuples.join(", ")}`, params);
  };
  const { activitySummary, listAttempts, eventKeys } = await import("@/lib/activity/queries");
  const { diagnoseEvent } = await import("@/lib/activity/diagnose-event");
  const { openSessionGroups } = await import("@/lib/activity/sessions");
  const provider = url.startsWith("file:") ? "SQLite" : "PostgreSQL";

  const orgId = randomUUID();
  await db.organization.create({ data: { id: orgId, slug: "bench", name: "Bench", createdAt: NOW } });
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = await calculateJwkThumbprint(publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string });

  async function seedEvent(slug: string, total: number) {
    const event = await db.event.create({ data: { organizationId: orgId, slug, name: slug, nameSearch: slug, contact: "help@example.com" } });
    const key = await db.signingKey.create({
      data: { eventId: event.id, kid, fingerprint: slug, bits: 2048, source: "uploaded", status: "active", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), activatedAt: NOW },
    });
    const counters = new Map<string, Record<string, unknown>>();
    const started = performance.now();
    const CHUNK = 1000;
    for (let from = 0; from < total; from += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, total - from) }, (_, k) => {
        const i = from + k;
        // The last RECENT attempts are the last hour's; the rest spread over the 30 days before.
        const ageMs = i >= total - RECENT ? ((total - i) / RECENT) * 3_600_000 : 3_600_000 + ((total - RECENT - i) / (total - RECENT)) * 29 * 86_400_000;
        const at = new Date(NOW.getTime() - ageMs);
        const refused = i % 10 === 0;
        const row = attemptRow({
          eventId: event.id,
          at,
          step: "open",
          outcome: refused ? "refused" : "signed_in",
          failure: refused ? { reason: "expired", detail: { expiresAt: at, leewaySeconds: 60 } } : undefined,
          facts: refused ? undefined : { verified: { claims: { displayName: `Attendee ${i % 50_000}`, email: null, avatarUrl: null, userProfile: [], roles: [] }, keyId: key.id, kid } },
          clientAddress: `10.${i % 200}.${i % 250}.1`,
          userAgent: null,
        });
        const c = `${minuteOf(at).getTime()}|${row.outcome}|${row.reason ?? ""}|${row.keyId ?? ""}`;
        const counter = counters.get(c);
        if (counter) (counter.count as number)++;
        else counters.set(c, { id: randomUUID(), eventId: event.id, minute: minuteOf(at), hour: hourOf(at), outcome: row.outcome, reason: row.reason ?? "", keyId: row.keyId ?? "", kid: row.kid ?? "", count: 1 });
        return { id: randomUUID(), ...row, browser: "Chrome" };
      });
      await bulkInsert("EntryAttempt", rows);
    }
    const list = [...counters.values()];
    for (let from = 0; from < list.length; from += CHUNK) await bulkInsert("ActivityMinute", list.slice(from, from + CHUNK));
    console.error(`seeded ${total.toLocaleString("en-US")} attempts for ${slug} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return event;
  }

  const small = await seedEvent("small", SMALL);
  const large = await seedEvent("large", LARGE);
  if (provider === "PostgreSQL") await db.$executeRawUnsafe("ANALYZE");

  const lastHour = { from: new Date(NOW.getTime() - 3_600_000), to: NOW, bucket: "minute" as const };
  const lastDay = { from: new Date(NOW.getTime() - 86_400_000), to: NOW, bucket: "hour" as const };
  const month = { from: new Date(NOW.getTime() - 30 * 86_400_000), to: NOW, bucket: "hour" as const };
  const tab = (eventId: string) =>
    Promise.all([activitySummary(eventId, lastHour, NOW), diagnoseEvent(eventId, NOW), listAttempts(eventId, {}, lastHour, { page: 1, pageSize: 25 }), eventKeys(eventId), openSessionGroups(eventId, NOW)]);
  const cases: Array<[string, (eventId: string) => Promise<unknown>]> = [
    ["summary endpoint, last hour (minute buckets)", (id) => activitySummary(id, lastHour, NOW)],
    ["Activity tab server data, last hour", tab],
    ["summary endpoint, last 24 hours (hour buckets)", (id) => activitySummary(id, lastDay, NOW)],
    ["summary endpoint, whole 30 days (hour buckets)", (id) => activitySummary(id, month, NOW)],
    ["attempts table, refused, last 24 hours", (id) => listAttempts(id, { outcome: "refused" }, lastDay, { page: 1, pageSize: 25 })],
  ];
  console.log(`\n${provider}: one event with ${SMALL.toLocaleString("en-US")} attempts and one with ${LARGE.toLocaleString("en-US")} (same last hour: ${RECENT.toLocaleString("en-US")}), median of 7\n`);
  console.log(`| query | ${SMALL.toLocaleString("en-US")} | ${LARGE.toLocaleString("en-US")} | ratio |\n| --- | --- | --- | --- |`);
  for (const [name, work] of cases) {
    const a = await median(() => work(small.id));
    const b = await median(() => work(large.id));
    console.log(`| ${name} | ${a.toFixed(1)} ms | ${b.toFixed(1)} ms | ${(b / a).toFixed(2)}× |`);
  }

  sqlite?.close();
  await pgClient?.end();
  await entryThroughput(small.id, privateKey, kid);
  await db.$disconnect();
  await drop();
}

/** The entry's own work with and without recording, alternating rounds in one run. */
async function entryThroughput(_eventId: string, privateKey: import("node:crypto").KeyObject, kid: string) {
  const { decideEntry } = await import("@/lib/entry/decide-entry");
  const { recordEntryDecision } = await import("@/lib/entry/record-attempt");
  const { flushEntryAttempts, setEntryRecordingForBenchmark } = await import("@/lib/activity/recorder");
  // A host token without jti (accepted every time, like a long-lived link): each entry opens a session.
  const token = await new SignJWT({ displayName: "Bench Attendee" })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + 3600)
    .sign(privateKey);
  const ROUND_MS = Number(process.env.BENCH_ROUND_SECONDS ?? 3) * 1000;
  const run = async (recording: boolean) => {
    setEntryRecordingForBenchmark(recording);
    let done = 0;
    const until = Date.now() + ROUND_MS;
    const client = async (n: number) => {
      while (Date.now() < until) {
        const decision = await decideEntry({ slug: "small", token, step: "open", clientAddress: `10.9.${n}.1` });
        if (decision.kind !== "signed_in") throw new Error(`bench token refused: ${decision.kind}`);
        // Exactly what lib/entry/http.ts does after each decision.
        recordEntryDecision(decision, { address: `10.9.${n}.1`, userAgent: "bench" });
        done++;
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, n) => client(n)));
    await flushEntryAttempts();
    return done / (ROUND_MS / 1000);
  };
  await run(true); // warm-up
  const on: number[] = [];
  const off: number[] = [];
  for (let round = 0; round < 3; round++) {
    off.push(await run(false));
    on.push(await run(true));
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`\nEntry throughput (decision + session, in-process, 16 concurrent), 3 alternating rounds of ${ROUND_MS / 1000} s each:\n`);
  console.log("| | sign-ins/s per round | mean |\n| --- | --- | --- |");
  console.log(`| without recording | ${off.map((x) => x.toFixed(0)).join(", ")} | ${(sum(off) / 3).toFixed(0)} |`);
  console.log(`| with recording | ${on.map((x) => x.toFixed(0)).join(", ")} | ${(sum(on) / 3).toFixed(0)} |`);
  console.log(`| ratio with / without | | ${(sum(on) / sum(off)).toFixed(2)}× |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
