import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeAttempts } from "@/lib/activity/recorder";
import { attemptRow } from "@/lib/activity/attempt";
import { makeEvent, makeTenant } from "@/test/factories";
import { pruneExpiredRows } from "./prune";

const NOW = new Date("2027-04-01T15:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

async function attemptsAt(eventId: string, at: Date, n: number) {
  await writeAttempts(Array.from({ length: n }, () => attemptRow({ eventId, at, step: "open", outcome: "refused", failure: { reason: "expired", detail: { expiresAt: at, leewaySeconds: 60 } }, clientAddress: "192.0.2.1", userAgent: null })));
}

describe("pruning (server schedule and npm run cli -- prune)", () => {
  it("deletes activity past each organization's retention, in batches, and keeps the rest", async () => {
    const short = await makeTenant();
    await db.organization.update({ where: { id: short.ctx.organizationId }, data: { activityRetentionDays: 1 } });
    const shortEvent = await makeEvent(short.ctx);
    const standard = await makeTenant(); // default 30 days
    const standardEvent = await makeEvent(standard.ctx);

    await attemptsAt(shortEvent.id, hoursAgo(30), 7);
    await attemptsAt(shortEvent.id, hoursAgo(2), 2);
    await attemptsAt(shortEvent.id, hoursAgo(2), 1); // a second batch of the same minute adds to its counter
    await attemptsAt(standardEvent.id, hoursAgo(30), 3);
    await attemptsAt(standardEvent.id, hoursAgo(31 * 24), 4);

    const report = await pruneExpiredRows(db, NOW, { batchSize: 3 });
    expect(report.entryAttempts).toBeGreaterThanOrEqual(11);
    expect(await db.entryAttempt.count({ where: { eventId: shortEvent.id } })).toBe(3);
    expect(await db.entryAttempt.count({ where: { eventId: standardEvent.id } })).toBe(3);
    // The per-minute counters go with them: the summary never counts pruned attempts.
    expect(await db.activityMinute.findMany({ where: { eventId: shortEvent.id }, select: { count: true } })).toEqual([{ count: 3 }]);
    expect((await db.activityMinute.findMany({ where: { eventId: standardEvent.id }, select: { count: true } })).map((c) => c.count)).toEqual([3]);
  });

  it("deletes expired attendee sessions (after a grace), host-jti claims past their acceptable-until, and spent rate-limit rows", async () => {
    const { ctx } = await makeTenant();
    const event = await makeEvent(ctx);
    const session = (expiresAt: Date) => ({ eventId: event.id, secretHash: randomUUID(), displayName: "A", claims: "{}", source: "host_token", createdAt: new Date(expiresAt.getTime() - 12 * 3600_000), expiresAt });
    await db.attendeeSession.createMany({ data: [session(hoursAgo(13)), session(hoursAgo(1)), session(new Date(NOW.getTime() + 3600_000))] });
    await db.tokenRedemption.createMany({ data: [{ eventId: event.id, jti: randomUUID(), expiresAt: hoursAgo(1) }, { eventId: event.id, jti: randomUUID(), expiresAt: new Date(NOW.getTime() + 60_000) }] });
    const prefix = randomUUID();
    await db.rateLimiterFlexible.createMany({ data: [{ key: `${prefix}-old`, points: 30, expire: hoursAgo(1) }, { key: `${prefix}-live`, points: 3, expire: new Date(NOW.getTime() + 30_000) }] });
    await db.rateLimit.createMany({ data: [{ id: `${prefix}-a`, key: `${prefix}-a`, count: 3, lastRequest: BigInt(hoursAgo(2).getTime()) }, { id: `${prefix}-b`, key: `${prefix}-b`, count: 1, lastRequest: BigInt(NOW.getTime()) }] });

    await pruneExpiredRows(db, NOW, { batchSize: 1 });
    // Expired an hour ago: kept, an open session may still list it on "You met with…".
    expect(await db.attendeeSession.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db.tokenRedemption.count({ where: { eventId: event.id } })).toBe(1);
    expect((await db.rateLimiterFlexible.findMany({ where: { key: { startsWith: prefix } } })).map((r) => r.key)).toEqual([`${prefix}-live`]);
    expect((await db.rateLimit.findMany({ where: { id: { startsWith: prefix } } })).map((r) => r.id)).toEqual([`${prefix}-b`]);
  });
});
