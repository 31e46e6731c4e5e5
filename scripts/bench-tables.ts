/**
 * npm run bench:tables – the dashboard's server-side tables on a large organization: 10,000 events
 * and 100,000 issued links in one event, in a fresh SQLite database (or TEST_POSTGRES_URL's server
 * with BENCH_DB=postgres). Each query is the page the table loads (count + one page), median of 5.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { migrateDatabase } from "@/lib/db/migrate";
import { benchDatabase, medianMs } from "./lib/bench-database";
import { seedIssuedLinks } from "@/test/issued-links-fixture";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const LINKS = Number(process.env.BENCH_LINKS ?? 100_000);

const median = (work: () => Promise<unknown>) => medianMs(work, 5);

async function main() {
  const { url, drop } = await benchDatabase("bench-tables");
  await migrateDatabase(url, { quiet: true });
  process.env.DATABASE_URL = url;
  // Imported after DATABASE_URL is set: the services use the app's database client.
  const { db } = await import("@/lib/db");
  const { listEvents } = await import("@/lib/events/service");
  const { parseListParams } = await import("@/lib/tables/list-params");
  const { EVENT_SORTS } = await import("@/lib/events/schema");

  const orgId = randomUUID();
  await db.organization.create({ data: { id: orgId, slug: "bench", name: "Bench", createdAt: new Date() } });
  const ctx = { organizationId: orgId, organizationSlug: "bench", organizationName: "Bench", actor: { type: "system" as const, id: null, label: "bench", role: "owner" as const } };
  let start = performance.now();
  for (let from = 0; from < EVENTS; from += 2000) {
    await db.event.createMany({
      data: Array.from({ length: Math.min(2000, EVENTS - from) }, (_, k) => {
        const i = from + k;
        const name = `Event ${i} ${randomBytes(2).toString("hex")}`;
        return { organizationId: orgId, slug: `bench-${i}`, name, nameSearch: name.toLowerCase(), contact: "help@example.com", startsAt: new Date(Date.now() + i * 3600_000) };
      }),
    });
  }
  console.log(`Seeded ${EVENTS.toLocaleString("en-US")} events in ${((performance.now() - start) / 1000).toFixed(1)} s (${url.startsWith("file:") ? "SQLite" : "PostgreSQL"})\n`);
  const list = (params: Record<string, string>) => parseListParams(params, { sortable: EVENT_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const eventCases: Array<[string, Record<string, string>]> = [
    ["first page, newest first", {}],
    ["sorted by name", { sort: "name", dir: "asc" }],
    ["sorted by start, page 200", { sort: "startsAt", page: "200" }],
    ["search 'event 99'", { q: "event 99" }],
    ["last page", { page: String(Math.ceil(EVENTS / 25)) }],
  ];
  console.log("| events table | ms (median of 5) |\n| --- | --- |");
  for (const [name, params] of eventCases) console.log(`| ${name} | ${(await median(() => listEvents(ctx, list(params)))).toFixed(1)} |`);

  const event = await db.event.findFirstOrThrow({ where: { organizationId: orgId }, orderBy: { slug: "asc" } });
  start = performance.now();
  await seedIssuedLinks(db, event.id, LINKS);
  console.log(`\nSeeded ${LINKS.toLocaleString("en-US")} issued links in one event in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  if (!url.startsWith("file:")) await db.$executeRawUnsafe('VACUUM ANALYZE "IssuedLink"'); // a live database has statistics
  const { runLinkBench } = await import("./lib/bench-links");
  await runLinkBench(ctx, event.slug, LINKS, median);
  await db.$disconnect();
  await drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
