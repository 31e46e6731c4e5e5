import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { notFound } from "@/lib/errors";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import type { EndSessionsTarget } from "./schema";

/** Open = not left, not ended, not expired. */
const openWhere = (eventId: string, now: Date) => ({ eventId, leftAt: null, endedAt: null, expiresAt: { gt: now } });

async function eventOf(ctx: TenantContext, eventSlug: string) {
  const event = await db.event.findFirst({ where: { slug: eventSlug, organizationId: ctx.organizationId }, select: { id: true, slug: true, name: true } });
  if (!event) throw notFound("Event");
  return event;
}

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
  const event = await eventOf(ctx, eventSlug);
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
