import type { Database } from "@/lib/db/create-client";

/**
 * The one pruning mechanism for rows that would otherwise only grow. The server runs it on a
 * schedule (lib/hygiene/schedule.ts) and `npm run cli -- prune` runs it by hand. Each kind of row
 * is deleted in batches of `batchSize` (a select of ids, then a delete of exactly those), so a
 * large backlog never holds a long write lock on SQLite or a huge transaction on PostgreSQL.
 */
export const PRUNE_BATCH_SIZE = 2_000;

/** Entry attempts are kept this many days unless the organization says otherwise (1–365). */
export const DEFAULT_ACTIVITY_RETENTION_DAYS = 30;
/**
 * Attendee sessions are deleted once they have been expired for this long: a session still open may
 * list, on its "You met with…" page, anyone whose session overlapped it, so an expired one stays
 * until every session that could have overlapped it has expired too (sessions last 12 hours).
 */
export const EXPIRED_SESSION_GRACE_MS = 12 * 3600 * 1000;
/** Better Auth's sign-in rate-limit windows are seconds long; rows untouched for an hour count nothing. */
export const AUTH_RATE_LIMIT_IDLE_MS = 3600 * 1000;

export interface PruneReport {
  attendeeSessions: number;
  tokenRedemptions: number;
  rateLimits: number;
  authRateLimits: number;
  entryAttempts: number;
  activityMinutes: number;
}

type IdRows = Array<{ id: string }>;

/** Deletes in batches until a select finds fewer than a batch; returns how many went. */
async function inBatches(select: (take: number) => Promise<IdRows>, remove: (ids: string[]) => Promise<{ count: number }>, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = (await select(batchSize)).map((r) => r.id);
    if (ids.length === 0) return total;
    total += (await remove(ids)).count;
    if (ids.length < batchSize) return total;
    // Let the entry's requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function pruneExpiredRows(db: Database, now: Date, options: { batchSize?: number } = {}): Promise<PruneReport> {
  const batchSize = options.batchSize ?? PRUNE_BATCH_SIZE;
  const report: PruneReport = { attendeeSessions: 0, tokenRedemptions: 0, rateLimits: 0, authRateLimits: 0, entryAttempts: 0, activityMinutes: 0 };

  const sessionCutoff = new Date(now.getTime() - EXPIRED_SESSION_GRACE_MS);
  report.attendeeSessions = await inBatches(
    (take) => db.attendeeSession.findMany({ where: { expiresAt: { lt: sessionCutoff } }, select: { id: true }, take }),
    (ids) => db.attendeeSession.deleteMany({ where: { id: { in: ids } } }),
    batchSize,
  );
  // Host-token jti claims past their acceptable-until: such a token is refused as expired anyway.
  report.tokenRedemptions = await inBatches(
    (take) => db.tokenRedemption.findMany({ where: { expiresAt: { lt: now } }, select: { id: true }, take }),
    (ids) => db.tokenRedemption.deleteMany({ where: { id: { in: ids } } }),
    batchSize,
  );
  report.rateLimits = await inBatches(
    async (take) => (await db.rateLimiterFlexible.findMany({ where: { expire: { lt: now } }, select: { key: true }, take })).map((r) => ({ id: r.key })),
    (keys) => db.rateLimiterFlexible.deleteMany({ where: { key: { in: keys }, expire: { lt: now } } }),
    batchSize,
  );
  const authIdleBefore = BigInt(now.getTime() - AUTH_RATE_LIMIT_IDLE_MS);
  report.authRateLimits = await inBatches(
    (take) => db.rateLimit.findMany({ where: { lastRequest: { lt: authIdleBefore } }, select: { id: true }, take }),
    (ids) => db.rateLimit.deleteMany({ where: { id: { in: ids }, lastRequest: { lt: authIdleBefore } } }),
    batchSize,
  );

  // Activity older than each organization's retention.
  const organizations = await db.organization.findMany({ select: { id: true, activityRetentionDays: true } });
  for (const organization of organizations) {
    const cutoff = new Date(now.getTime() - retentionDays(organization.activityRetentionDays) * 86_400_000);
    const events = await db.event.findMany({ where: { organizationId: organization.id }, select: { id: true } });
    for (const { id: eventId } of events) {
      report.entryAttempts += await inBatches(
        (take) => db.entryAttempt.findMany({ where: { eventId, at: { lt: cutoff } }, select: { id: true }, take, orderBy: { at: "asc" } }),
        (ids) => db.entryAttempt.deleteMany({ where: { id: { in: ids } } }),
        batchSize,
      );
      report.activityMinutes += await inBatches(
        (take) => db.activityMinute.findMany({ where: { eventId, minute: { lt: cutoff } }, select: { id: true }, take }),
        (ids) => db.activityMinute.deleteMany({ where: { id: { in: ids } } }),
        batchSize,
      );
    }
  }
  return report;
}

function retentionDays(value: number): number {
  return Number.isInteger(value) && value >= 1 && value <= 365 ? value : DEFAULT_ACTIVITY_RETENTION_DAYS;
}

export function describePruneReport(report: PruneReport): string {
  return [
    `${report.attendeeSessions} expired attendee sessions`,
    `${report.tokenRedemptions} host-token jti claims`,
    `${report.rateLimits + report.authRateLimits} rate-limit rows`,
    `${report.entryAttempts} entry attempts and ${report.activityMinutes} per-minute counters past their retention`,
  ].join(", ");
}
