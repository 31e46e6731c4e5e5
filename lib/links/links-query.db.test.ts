import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_PAGE_SIZE } from "@/lib/tables/list-params";
import { makeEvent, makeTenant } from "@/test/factories";
import type { LinkFilter, LinkSort } from "./schema";
import { listIssuedLinks } from "./service";
import { encodeRoles, type LinkStatus } from "./status";

/**
 * The issued-links table must stay fast with 100,000 links in one event: this seeds them
 * (createMany in batches) and times the table's page query (count + one page) with each filter
 * and sort, printing the figures (README, "Test links"). The suite runs it with 10,000 links
 * (seeding 100,000 through Prisma takes about a minute per database); the full benchmark:
 *   LINKS_BENCH_ROWS=100000 npx vitest run lib/links/links-query
 */
const ROWS = Number(process.env.LINKS_BENCH_ROWS || 10_000);
const BATCH = 2_000;
/** Per query (count + page), median of 3 runs; generous for a loaded 2-core CI machine. */
const BUDGET_MS = Number(process.env.LINKS_BENCH_BUDGET_MS || 400);

const MIDDLE_PAGE = Math.floor(ROWS / 2 / DEFAULT_PAGE_SIZE);
const NOW = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;
const ISSUERS = ["ada@example.com", "bob@example.com", 'API key "ci"', "carol@example.com"];
const FIRST = ["Larry", "Jerry", "Elaine", "George", "Cosmo", "Newman", "Susan", "Frank", "Estelle", "Morty"];
const LAST = ["David", "Seinfeld", "Benes", "Costanza", "Kramer", "Ross", "Peterman", "Pitt", "Puddy", "Bania"];

/** Link i, with a status mix like a busy event's: mostly expired, some used, revoked and active. */
function row(eventId: string, i: number) {
  const longLived = i % 10 === 0;
  const issuedAt = new Date(NOW.getTime() - (i / ROWS) * 90 * DAY - 1000);
  const expiresAt = new Date(issuedAt.getTime() + (longLived ? (1 + (i % 7)) * DAY : 300_000));
  const roles = i % 50 === 0 ? ["host"] : i % 7 === 0 ? ["presenter"] : [];
  const name = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i}`;
  return {
    id: `bench${String(i).padStart(7, "0")}${eventId.slice(-6)}`,
    eventId,
    jti: randomUUID(),
    kind: longLived ? "long_lived" : "one_off",
    kid: "bench-kid",
    tokenHash: randomUUID(),
    displayName: name,
    nameSearch: name.toLowerCase(),
    roles: encodeRoles(roles),
    claims: JSON.stringify({ displayName: name, ...(roles.length ? { roles } : {}) }),
    signedIn: i % 3 === 0 ? "browser" : "server",
    issuedAt,
    expiresAt,
    issuedByLabel: ISSUERS[i % ISSUERS.length]!,
    revokedAt: i % 20 === 3 ? new Date(issuedAt.getTime() + 60_000) : null,
    revokedByLabel: i % 20 === 3 ? ISSUERS[0]! : null,
    usedAt: !longLived && i % 5 < 2 ? new Date(issuedAt.getTime() + 30_000) : null,
    redemptions: !longLived && i % 5 < 2 ? 1 : longLived ? i % 4 : 0,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const runs: number[] = [];
  let result!: T;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    result = await work();
    runs.push(performance.now() - start);
  }
  return { ms: runs.sort((a, b) => a - b)[1]!, result };
}

describe(`the issued-links table with ${ROWS.toLocaleString("en-US")} links`, () => {
  it("answers every filter and sort with one page quickly", { timeout: 600_000 }, async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const seedStart = performance.now();
    for (let from = 0; from < ROWS; from += BATCH) {
      await db.issuedLink.createMany({ data: Array.from({ length: Math.min(BATCH, ROWS - from) }, (_, k) => row(event.id, from + k)) });
    }
    const seedMs = performance.now() - seedStart;

    const cases: Array<[string, { q?: string; sort?: LinkSort; dir?: "asc" | "desc"; page?: number; filters?: Partial<Record<LinkFilter, string>> }]> = [
      ["no filter (newest first)", {}],
      ...(["active", "used", "expired", "revoked"] as LinkStatus[]).map((status): [string, { filters: { status: string } }] => [`status ${status}`, { filters: { status } }]),
      ["kind long_lived", { filters: { kind: "long_lived" } }],
      ["role host", { filters: { role: "host" } }],
      ["issuer", { filters: { issuer: "bob@example.com" } }],
      ["name search “kramer”", { q: "kramer" }],
      ["name search, no match", { q: "nobody-here" }],
      ["active + role presenter + issuer", { filters: { status: "active", role: "presenter", issuer: 'API key "ci"' } }],
      ["sort by name", { sort: "displayName", dir: "asc" }],
      ["sort by expiry", { sort: "expiresAt", dir: "desc" }],
      [`middle page ${MIDDLE_PAGE.toLocaleString("en-US")} (offset ${((MIDDLE_PAGE - 1) * DEFAULT_PAGE_SIZE).toLocaleString("en-US")})`, { page: MIDDLE_PAGE }],
    ];
    const measure = async () => {
      const figures: Array<{ query: string; total: number; ms: number }> = [];
      for (const [name, params] of cases) {
        const { ms, result } = await timed(() =>
          listIssuedLinks(ctx, event.slug, { q: params.q ?? "", sort: params.sort ?? "issuedAt", dir: params.dir ?? "desc", page: params.page ?? 1, pageSize: DEFAULT_PAGE_SIZE, filters: params.filters ?? {} }, NOW),
        );
        figures.push({ query: name, total: result.total, ms: Math.round(ms * 10) / 10 });
        expect(result.rows.length).toBe(Math.min(DEFAULT_PAGE_SIZE, result.total));
      }
      return figures;
    };
    const postgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;
    const figures = await measure();
    // PostgreSQL's autovacuum analyzes a table after this many new rows; a live database has statistics.
    const analyzed = postgres ? (await db.$executeRawUnsafe('VACUUM ANALYZE "IssuedLink"'), await measure()) : null;
    console.log(
      `\n${postgres ? "PostgreSQL" : "SQLite"}: seeded ${ROWS.toLocaleString("en-US")} links in ${Math.round(seedMs)} ms; count + page, median of 3${analyzed ? " (right after the insert / after ANALYZE)" : ""}\n` +
        figures.map((f, i) => `${f.query.padEnd(36)} ${String(f.total).padStart(7)} rows  ${f.ms} ms${analyzed ? ` / ${analyzed[i]!.ms} ms` : ""}`).join("\n"),
    );

    // The mix seeded above, counted independently: the filters find exactly these.
    const total = (query: string) => figures.find((f) => f.query === query)!.total;
    expect(total("no filter (newest first)")).toBe(ROWS);
    expect(total("status active") + total("status used") + total("status expired") + total("status revoked")).toBe(ROWS);
    expect(total("kind long_lived")).toBe(ROWS / 10);
    expect(total("role host")).toBe(ROWS / 50);
    expect(total("issuer")).toBe(ROWS / 4);
    for (const figure of [...figures, ...(analyzed ?? [])]) expect(figure.ms, figure.query).toBeLessThan(BUDGET_MS);
  });
});
