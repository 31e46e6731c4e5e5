import "server-only";
import { db } from "@/lib/db";
import type { Event } from "@/generated/sqlite/client";
import { recordAudit } from "@/lib/audit/record";
import { z } from "zod";
import { AppError, conflict, isUniqueViolation, parseInput } from "@/lib/errors";
import { countActiveLinksOf } from "@/lib/links/service";
import { pageWindow, type ListParams, type Page } from "@/lib/tables/list-params";
import { requireRole, requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { eventFieldsSchema, type EventFields, type EventSort, type patchEventSchema } from "./schema";
import { featureSettings } from "./policy";
import { lockTenantEvent, tenantEvent } from "./scope";

export type EventRow = Event & { activeKeys: number; profileFields: number };

/** One page of the organization's events; search matches name or slug, case-insensitively. */
export async function listEvents(ctx: TenantContext, params: ListParams<EventSort>): Promise<Page<EventRow>> {
  const q = params.q.toLowerCase();
  const where = {
    organizationId: ctx.organizationId,
    ...(q ? { OR: [{ nameSearch: { contains: q } }, { slug: { contains: q } }] } : {}),
  };
  const total = await db.event.count({ where });
  const { page, skip, pageCount } = pageWindow(total, params.page, params.pageSize);
  const orderBy = params.sort === "name" ? { nameSearch: params.dir } : { [params.sort]: params.dir };
  const events = await db.event.findMany({
    where,
    orderBy: [orderBy, { id: "asc" }],
    skip,
    take: params.pageSize,
    include: { _count: { select: { profileFields: true, signingKeys: { where: { status: "active" } } } } },
  });
  const rows = events.map(({ _count, ...e }) => ({ ...e, activeKeys: _count.signingKeys, profileFields: _count.profileFields }));
  return { rows, total, page, pageSize: params.pageSize, pageCount };
}

/** The event, if it belongs to the tenant; otherwise "not found", whether or not it exists elsewhere. */
export async function getEvent(ctx: TenantContext, slug: string) {
  return tenantEvent(ctx, slug);
}

export async function eventSummary(ctx: TenantContext, slug: string) {
  const event = await getEvent(ctx, slug);
  const [keysByStatus, fields, activeLinks, issuedLinks] = await Promise.all([
    db.signingKey.groupBy({ by: ["status"], where: { eventId: event.id }, _count: { _all: true } }),
    db.profileField.count({ where: { eventId: event.id } }),
    countActiveLinksOf(event.id),
    db.issuedLink.count({ where: { eventId: event.id } }),
  ]);
  const keys = Object.fromEntries(keysByStatus.map((k) => [k.status, k._count._all])) as Record<string, number>;
  return { event, features: featureSettings(event), keys, fields, activeLinks, issuedLinks };
}

function columnsOf(fields: EventFields) {
  return {
    name: fields.name,
    nameSearch: fields.name.toLowerCase(),
    slug: fields.slug,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    contact: fields.contact,
    transcriptionEnabled: fields.transcriptionEnabled,
    interpretationEnabled: fields.interpretationEnabled,
    oneOffLifetimeSeconds: fields.oneOffLifetimeSeconds,
    longLivedMaxSeconds: fields.longLivedMaxSeconds,
    leewaySeconds: fields.leewaySeconds,
    requireExp: fields.requireExp,
  };
}

function slugTaken(slug: string): AppError {
  return conflict(`The slug "${slug}" is already used by another event. Event links are /e/{slug}, so each slug must be unique: pick another.`, "slug");
}

export async function createEvent(ctx: TenantContext, fields: EventFields) {
  requireWrite(ctx);
  try {
    return await db.$transaction(async (tx) => {
      const event = await tx.event.create({ data: { ...columnsOf(fields), organizationId: ctx.organizationId } });
      await recordAudit(tx, ctx, {
        action: "event.created",
        targetType: "event",
        targetId: event.id,
        targetLabel: event.name,
        eventSlug: event.slug,
      });
      return event;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(fields.slug);
    throw error;
  }
}

/** Field-by-field differences, for the audit log: {field: [before, after]}. */
function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === "nameSearch") continue;
    const old = before[key];
    const same = old instanceof Date && value instanceof Date ? old.getTime() === value.getTime() : old === value;
    if (!same) changes[key] = [old ?? null, value ?? null];
  }
  return changes;
}

export async function updateEvent(ctx: TenantContext, slug: string, fields: EventFields) {
  requireWrite(ctx);
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockTenantEvent(tx, ctx, slug);
      const columns = columnsOf(fields);
      const changes = changesBetween(before, columns);
      const event = await tx.event.update({ where: { id: before.id }, data: columns });
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, ctx, {
          action: "event.updated",
          targetType: "event",
          targetId: event.id,
          targetLabel: event.name,
          eventSlug: event.slug,
          details: { changes },
        });
      }
      return event;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(fields.slug);
    throw error;
  }
}

/** Applies a partial change (API PATCH): the merged event is validated as a whole, then saved like the form. */
export async function patchEvent(ctx: TenantContext, slug: string, patch: z.output<typeof patchEventSchema>) {
  requireWrite(ctx);
  const current = await getEvent(ctx, slug);
  const merged = {
    name: current.name,
    slug: current.slug,
    startsAt: current.startsAt?.toISOString() ?? null,
    endsAt: current.endsAt?.toISOString() ?? null,
    contact: current.contact,
    transcriptionEnabled: current.transcriptionEnabled,
    interpretationEnabled: current.interpretationEnabled,
    oneOffLifetimeSeconds: current.oneOffLifetimeSeconds,
    longLivedMaxSeconds: current.longLivedMaxSeconds,
    leewaySeconds: current.leewaySeconds,
    requireExp: current.requireExp,
    ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
  };
  return updateEvent(ctx, slug, parseInput(eventFieldsSchema, merged));
}

/** What deleting the event destroys, so the confirmation can name it. */
export async function deletionImpact(ctx: TenantContext, slug: string) {
  const event = await getEvent(ctx, slug);
  const [keys, fields, links, sessions] = await Promise.all([
    db.signingKey.count({ where: { eventId: event.id } }),
    db.profileField.count({ where: { eventId: event.id } }),
    db.issuedLink.count({ where: { eventId: event.id } }),
    db.attendeeSession.count({ where: { eventId: event.id } }),
  ]);
  return { keys, fields, links, sessions };
}

export async function deleteEvent(ctx: TenantContext, slug: string, confirmSlug: string) {
  requireRole(ctx, "admin");
  if (confirmSlug !== slug) {
    throw new AppError("VALIDATION", `Type the event's slug "${slug}" to confirm. Nothing was deleted.`, { field: "confirmSlug" });
  }
  return db.$transaction(async (tx) => {
    const event = await tenantEvent(ctx, slug, tx);
    await tx.event.delete({ where: { id: event.id } });
    await recordAudit(tx, ctx, {
      action: "event.deleted",
      targetType: "event",
      targetId: event.id,
      targetLabel: event.name,
      eventSlug: event.slug,
    });
    return { slug: event.slug };
  });
}

/** "Revoke everything": tokens issued before this instant are refused from now on. */
export async function rejectTokensIssuedBeforeNow(ctx: TenantContext, slug: string, now = new Date()) {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const event = await lockTenantEvent(tx, ctx, slug);
    const updated = await tx.event.update({ where: { id: event.id }, data: { rejectTokensIssuedBefore: now } });
    await recordAudit(tx, ctx, {
      action: "event.tokens_revoked",
      targetType: "event",
      targetId: event.id,
      targetLabel: event.name,
      eventSlug: event.slug,
      details: { rejectTokensIssuedBefore: now.toISOString() },
    });
    return updated;
  });
}
