import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { notFound } from "@/lib/errors";
import { tenantEvent } from "@/lib/events/scope";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import type { EndSessionsTarget } from "./schema";

/** Open = not left, not ended, not expired. */
const openWhere = (eventId: string, now: Date) => ({ eventId, leftAt: null, endedAt: null, expiresAt: { gt: now } });

async function targetWhere(eventId: string, target: EndSessionsTarget) {
  if (target.sessionId) return { id: target.sessionId };
  if (target.linkId) return { linkId: target.linkId };
  if (target.kid) {
    const key = await db.signingKey.findFirst({ where: { eventId, kid: target.kid }, select: { id: true } });
    if (!key) throw notFound(`Key ${target.kid}`);
    return { keyId: key.id };
  }
  return {};
}

function describeTarget(target: EndSessionsTarget): string {
  if (target.sessionId) return "one session";
  if (target.linkId) return "the sessions of a test link";
  if (target.kid) return `the sessions of key ${target.kid.slice(0, 8)}`;
  return "every session";
}

/**
 * Ends live attendee sessions: one, those a test link or a key opened, or all of the event's. The
 * attendee's next request gets the problem page with reason session_ended. Audited with the count.
 */
export async function endAttendeeSessions(ctx: TenantContext, eventSlug: string, target: EndSessionsTarget, now = new Date()): Promise<{ ended: number }> {
  requireWrite(ctx);
  const event = await tenantEvent(ctx, eventSlug);
  const where = { ...openWhere(event.id, now), ...(await targetWhere(event.id, target)) };
  return db.$transaction(async (tx) => {
    const { count } = await tx.attendeeSession.updateMany({ where, data: { endedAt: now } });
    await recordAudit(tx, ctx, {
      action: "attendee_session.ended",
      targetType: "event",
      targetId: event.id,
      targetLabel: event.name,
      eventSlug: event.slug,
      details: { ended: count, target: describeTarget(target), ...target },
    });
    return { ended: count };
  });
}

/** How many open sessions each target would end: for "revoke … and end its N sessions" offers. */
export async function countOpenSessions(eventId: string, filter: { keyId?: string; linkId?: string } = {}, now = new Date()): Promise<number> {
  return db.attendeeSession.count({ where: { ...openWhere(eventId, now), ...filter } });
}

/** Open sessions per key and per test link, for the "End sessions" panel. */
export async function openSessionGroups(eventId: string, now: Date) {
  const where = openWhere(eventId, now);
  const [total, byKey, byLink] = await Promise.all([
    db.attendeeSession.count({ where }),
    db.attendeeSession.groupBy({ by: ["keyId"], where: { ...where, keyId: { not: null } }, _count: { _all: true } }),
    db.attendeeSession.groupBy({ by: ["linkId"], where: { ...where, linkId: { not: null } }, _count: { _all: true } }),
  ]);
  const [keys, links] = await Promise.all([
    db.signingKey.findMany({ where: { eventId, id: { in: byKey.map((k) => k.keyId!) } }, select: { id: true, kid: true, label: true, status: true } }),
    db.issuedLink.findMany({ where: { eventId, id: { in: byLink.map((l) => l.linkId!) } }, select: { id: true, displayName: true, kind: true } }),
  ]);
  return {
    total,
    byKey: keys.map((k) => ({ kid: k.kid, label: k.label, status: k.status, open: byKey.find((g) => g.keyId === k.id)?._count._all ?? 0 })),
    byLink: links.map((l) => ({ linkId: l.id, displayName: l.displayName, kind: l.kind, open: byLink.find((g) => g.linkId === l.id)?._count._all ?? 0 })),
  };
}

/** Which of these sessions are still open (the attempts table offers "End session" for those). */
export async function openSessionIds(eventId: string, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const open = await db.attendeeSession.findMany({ where: { ...openWhere(eventId, now), id: { in: ids } }, select: { id: true } });
  return new Set(open.map((s) => s.id));
}
