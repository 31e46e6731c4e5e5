import "server-only";
import { db } from "@/lib/db";
import { pageWindow, type Page } from "@/lib/tables/list-params";
import type { TenantContext } from "@/lib/tenancy/context";
import { isReasonCode, type ReasonCode } from "@/lib/tokens/reasons";
import { readAttemptColumns, type AttemptOutcome, type AttemptSource, type AttemptStep, type AttemptView } from "./attempt";

export interface AttemptFilters {
  outcome?: AttemptOutcome;
  reason?: ReasonCode;
  kid?: string;
  source?: AttemptSource;
  attendee?: string;
}

/** The event's keys (a handful), for labels, statuses and the key filter. */
export async function eventKeys(eventId: string) {
  return db.signingKey.findMany({
    where: { eventId },
    select: { id: true, kid: true, status: true, label: true },
    orderBy: { createdAt: "asc" },
  });
}

export interface SummaryBucket {
  start: string;
  signedIn: number;
  refused: number;
  byReason: Partial<Record<ReasonCode, number>>;
  /** Sign-ins per key id ("" = unknown). */
  byKey: Record<string, number>;
}

export interface ActivitySummary {
  from: Date;
  to: Date;
  bucket: "minute" | "hour";
  totals: { signedIn: number; refused: number; confirmShown: number; attendees: number; refusalRate: number; inEventNow: number };
  byReason: Partial<Record<ReasonCode, number>>;
  byKey: Array<{ keyId: string | null; kid: string | null; status: string | null; label: string | null; signedIn: number; share: number }>;
  buckets: SummaryBucket[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Totals, reasons, keys and per-bucket counts for a window, read from the per-minute counters
 * (ActivityMinute) so the cost follows the window's minutes, not the number of attempts. Distinct
 * attendees are counted from the attempts of the window (indexed by event, outcome and time).
 */
export async function activitySummary(eventId: string, window: { from: Date; to: Date; bucket: "minute" | "hour" }, now: Date): Promise<ActivitySummary> {
  const size = window.bucket === "hour" ? HOUR : MINUTE;
  const firstMinute = new Date(Math.floor(window.from.getTime() / MINUTE) * MINUTE);
  const range = { eventId, minute: { gte: firstMinute, lt: window.to } };
  const [counters, keys, attendees, inEventNow] = await Promise.all([
    // Hour buckets are summed by the database (a month is 720 rows per outcome, not 43,200).
    window.bucket === "hour"
      ? db.activityMinute
          .groupBy({ by: ["hour", "outcome", "reason", "keyId", "kid"], where: range, _sum: { count: true } })
          .then((rows) => rows.map((r) => ({ minute: r.hour, outcome: r.outcome, reason: r.reason, keyId: r.keyId, kid: r.kid, count: r._sum.count ?? 0 })))
      : db.activityMinute.findMany({ where: range, select: { minute: true, outcome: true, reason: true, keyId: true, kid: true, count: true } }),
    eventKeys(eventId),
    // Counted by the database (the same SQL on SQLite and PostgreSQL): one row back, not one per attendee.
    db.$queryRaw<Array<{ n: bigint | number }>>`SELECT COUNT(DISTINCT "attendee") AS n FROM "EntryAttempt" WHERE "eventId" = ${eventId} AND "outcome" = 'signed_in' AND "at" >= ${window.from} AND "at" < ${window.to}`,
    db.attendeeSession.count({ where: { eventId, leftAt: null, endedAt: null, expiresAt: { gt: now } } }),
  ]);

  const buckets = new Map<number, SummaryBucket>();
  const startOf = (at: number) => Math.floor(at / size) * size;
  for (let t = startOf(window.from.getTime()); t < window.to.getTime(); t += size) {
    buckets.set(t, { start: new Date(t).toISOString(), signedIn: 0, refused: 0, byReason: {}, byKey: {} });
  }
  const totals = { signedIn: 0, refused: 0, confirmShown: 0 };
  const byReason: Partial<Record<ReasonCode, number>> = {};
  const byKeyCount = new Map<string, { kid: string; count: number }>();
  for (const c of counters) {
    const bucket = buckets.get(startOf(c.minute.getTime()));
    if (c.outcome === "signed_in") {
      totals.signedIn += c.count;
      const entry = byKeyCount.get(c.keyId) ?? { kid: c.kid, count: 0 };
      entry.count += c.count;
      byKeyCount.set(c.keyId, entry);
      if (bucket) {
        bucket.signedIn += c.count;
        bucket.byKey[c.keyId] = (bucket.byKey[c.keyId] ?? 0) + c.count;
      }
    } else if (c.outcome === "refused") {
      totals.refused += c.count;
      if (isReasonCode(c.reason)) {
        byReason[c.reason] = (byReason[c.reason] ?? 0) + c.count;
        if (bucket) bucket.byReason[c.reason] = (bucket.byReason[c.reason] ?? 0) + c.count;
      }
      if (bucket) bucket.refused += c.count;
    } else if (c.outcome === "confirm_shown") totals.confirmShown += c.count;
  }
  const keyById = new Map(keys.map((k) => [k.id, k]));
  const byKey = [...byKeyCount]
    .map(([keyId, { kid, count }]) => {
      const key = keyById.get(keyId);
      return { keyId: keyId || null, kid: key?.kid ?? (kid || null), status: key?.status ?? null, label: key?.label ?? null, signedIn: count, share: totals.signedIn ? count / totals.signedIn : 0 };
    })
    .sort((a, b) => b.signedIn - a.signedIn);
  const decided = totals.signedIn + totals.refused;
  return {
    from: window.from,
    to: window.to,
    bucket: window.bucket,
    totals: { ...totals, attendees: Number(attendees[0]?.n ?? 0), refusalRate: decided ? totals.refused / decided : 0, inEventNow },
    byReason,
    byKey,
    buckets: [...buckets.values()],
  };
}

const ATTEMPT_COLUMNS = {
  id: true,
  at: true,
  step: true,
  outcome: true,
  reason: true,
  detail: true,
  source: true,
  keyId: true,
  kid: true,
  linkId: true,
  jti: true,
  network: true,
  browser: true,
  displayName: true,
  email: true,
  sessionId: true,
} as const;

type AttemptRecord = { [K in keyof typeof ATTEMPT_COLUMNS]: K extends "at" ? Date : string | null } & { id: string; step: string; outcome: string };

function viewOf(row: AttemptRecord): AttemptView {
  return { ...readAttemptColumns(row), step: row.step as AttemptStep };
}

function attemptWhere(eventId: string, filters: AttemptFilters, window: { from?: Date; to?: Date }) {
  return {
    eventId,
    ...(window.from || window.to ? { at: { ...(window.from ? { gte: window.from } : {}), ...(window.to ? { lt: window.to } : {}) } } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.reason ? { reason: filters.reason } : {}),
    ...(filters.kid ? { kid: filters.kid } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.attendee ? { attendee: { contains: filters.attendee.toLowerCase() } } : {}),
  };
}

/** One page of attempts, newest first, filtered on the server. */
export async function listAttempts(
  eventId: string,
  filters: AttemptFilters,
  window: { from?: Date; to?: Date },
  paging: { page: number; pageSize: number },
): Promise<Page<AttemptView>> {
  const where = attemptWhere(eventId, filters, window);
  const total = (await db.entryAttempt.count({ where, select: { eventId: true } })).eventId;
  const { page, skip, pageCount } = pageWindow(total, paging.page, paging.pageSize);
  const rows = await db.entryAttempt.findMany({ where, select: ATTEMPT_COLUMNS, orderBy: [{ at: "desc" }, { id: "desc" }], skip, take: paging.pageSize });
  return { rows: rows.map(viewOf), total, page, pageSize: paging.pageSize, pageCount };
}

/** The CSV export's rows: at most this many, newest first. */
export const CSV_MAX_ROWS = 100_000;

export async function attemptsForExport(eventId: string, filters: AttemptFilters, window: { from?: Date; to?: Date }): Promise<AttemptView[]> {
  const rows = await db.entryAttempt.findMany({ where: attemptWhere(eventId, filters, window), select: ATTEMPT_COLUMNS, orderBy: [{ at: "desc" }, { id: "desc" }], take: CSV_MAX_ROWS });
  return rows.map(viewOf);
}

/** One attempt of the event (the debugger's context). */
export async function findAttempt(eventId: string, attemptId: string): Promise<AttemptView | null> {
  const row = await db.entryAttempt.findFirst({ where: { id: attemptId, eventId }, select: ATTEMPT_COLUMNS });
  return row ? viewOf(row) : null;
}

/**
 * Each key's share of the event's sign-ins over the last hour (or `windowMs`), largest first: the
 * rotation progress ("92 % of sign-ins use key abc123"). For the Keys tab and the Activity tab.
 */
export async function keySignInShare(eventId: string, now: Date, windowMs = HOUR): Promise<Array<{ keyId: string | null; kid: string | null; signedIn: number; share: number }>> {
  const rows = await db.activityMinute.groupBy({
    by: ["keyId", "kid"],
    where: { eventId, outcome: "signed_in", minute: { gte: new Date(now.getTime() - windowMs), lt: now } },
    _sum: { count: true },
  });
  const total = rows.reduce((sum, r) => sum + (r._sum.count ?? 0), 0);
  return rows
    .map((r) => ({ keyId: r.keyId || null, kid: r.kid || null, signedIn: r._sum.count ?? 0, share: total ? (r._sum.count ?? 0) / total : 0 }))
    .sort((a, b) => b.signedIn - a.signedIn);
}

/** Live-now window for the organization home: sign-ins this recent make an event "live". */
export const LIVE_RECENT_MS = 15 * MINUTE;

/**
 * The organization's events that are live now: between their start and end, or with sign-ins in
 * the last 15 minutes; each with its counts for those 15 minutes and the attendees in it now.
 */
export async function liveEvents(ctx: TenantContext, now: Date) {
  const since = new Date(now.getTime() - LIVE_RECENT_MS);
  const recent = await db.activityMinute.groupBy({
    by: ["eventId"],
    where: { outcome: "signed_in", minute: { gte: new Date(Math.floor(since.getTime() / MINUTE) * MINUTE) }, event: { organizationId: ctx.organizationId } },
    _sum: { count: true },
  });
  const events = await db.event.findMany({
    where: {
      organizationId: ctx.organizationId,
      OR: [{ id: { in: recent.map((r) => r.eventId) } }, { startsAt: { lte: now }, endsAt: { gte: now } }],
    },
    select: { id: true, slug: true, name: true, startsAt: true, endsAt: true },
    orderBy: { name: "asc" },
    take: 50,
  });
  return Promise.all(
    events.map(async (event) => {
      const [counts, inEventNow] = await Promise.all([
        db.activityMinute.groupBy({ by: ["outcome"], where: { eventId: event.id, minute: { gte: new Date(Math.floor(since.getTime() / MINUTE) * MINUTE) } }, _sum: { count: true } }),
        db.attendeeSession.count({ where: { eventId: event.id, leftAt: null, endedAt: null, expiresAt: { gt: now } } }),
      ]);
      const of = (outcome: string) => counts.find((c) => c.outcome === outcome)?._sum.count ?? 0;
      return { ...event, signedIn: of("signed_in"), refused: of("refused"), inEventNow };
    }),
  );
}
