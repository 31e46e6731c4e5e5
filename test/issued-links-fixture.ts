import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/create-client";
import { DEFAULT_PAGE_SIZE } from "@/lib/tables/list-params";
import type { LinkFilter, LinkSort } from "@/lib/links/schema";
import { encodeRoles, type LinkStatus } from "@/lib/links/status";

/**
 * A busy event's issued links, shared by the table's correctness test and `npm run bench:tables`:
 * mostly expired, some used, revoked and active; every 10th long-lived, every 50th a host.
 */
export const LINKS_NOW = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;
const ISSUERS = ["ada@example.com", "bob@example.com", 'API key "ci"', "carol@example.com"];
const FIRST = ["Larry", "Jerry", "Elaine", "George", "Cosmo", "Newman", "Susan", "Frank", "Estelle", "Morty"];
const LAST = ["David", "Seinfeld", "Benes", "Costanza", "Kramer", "Ross", "Peterman", "Pitt", "Puddy", "Bania"];

function linkRow(eventId: string, i: number, rows: number) {
  const longLived = i % 10 === 0;
  const issuedAt = new Date(LINKS_NOW.getTime() - (i / rows) * 90 * DAY - 1000);
  const expiresAt = new Date(issuedAt.getTime() + (longLived ? (1 + (i % 7)) * DAY : 300_000));
  const roles = i % 50 === 0 ? ["host"] : i % 7 === 0 ? ["presenter"] : [];
  const name = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i}`;
  return {
    eventId,
    jti: randomUUID(),
    kind: longLived ? "long_lived" : "one_off",
    kid: "fixture-kid",
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

export async function seedIssuedLinks(db: Database, eventId: string, rows: number, batch = 2_000) {
  for (let from = 0; from < rows; from += batch) {
    await db.issuedLink.createMany({ data: Array.from({ length: Math.min(batch, rows - from) }, (_, k) => linkRow(eventId, from + k, rows)) });
  }
}

export type LinkQueryCase = [string, { q?: string; sort?: LinkSort; dir?: "asc" | "desc"; page?: number; filters?: Partial<Record<LinkFilter, string>> }];

/** Every filter and sort of the issued-links table, and a page in the middle. */
export function linkQueryCases(rows: number): LinkQueryCase[] {
  const middle = Math.max(1, Math.floor(rows / 2 / DEFAULT_PAGE_SIZE));
  return [
    ["no filter (newest first)", {}],
    ...(["active", "used", "expired", "revoked"] as LinkStatus[]).map((status): LinkQueryCase => [`status ${status}`, { filters: { status } }]),
    ["kind long_lived", { filters: { kind: "long_lived" } }],
    ["role host", { filters: { role: "host" } }],
    ["issuer", { filters: { issuer: "bob@example.com" } }],
    ["name search “kramer”", { q: "kramer" }],
    ["name search, no match", { q: "nobody-here" }],
    ["active + role presenter + issuer", { filters: { status: "active", role: "presenter", issuer: 'API key "ci"' } }],
    ["sort by name", { sort: "displayName", dir: "asc" }],
    ["sort by expiry", { sort: "expiresAt", dir: "desc" }],
    [`middle page ${middle.toLocaleString("en-US")}`, { page: middle }],
  ];
}

export function listParamsOf([, params]: LinkQueryCase) {
  return { q: params.q ?? "", sort: params.sort ?? ("issuedAt" as const), dir: params.dir ?? ("desc" as const), page: params.page ?? 1, pageSize: DEFAULT_PAGE_SIZE, filters: params.filters ?? {} };
}
