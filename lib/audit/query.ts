import "server-only";
import { db } from "@/lib/db";
import { pageWindow, type ListParams, type Page } from "@/lib/tables/list-params";
import type { TenantContext } from "@/lib/tenancy/context";

export const AUDIT_SORTS = ["createdAt"] as const;
export const AUDIT_FILTERS = ["action", "actor", "event"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetLabel: string;
  eventSlug: string | null;
  details: string | null;
}

/** Newest first; filter by action (or an action prefix such as "member."), actor and event; q searches the target. */
export async function listAuditLog(ctx: TenantContext, params: ListParams<AuditSort, AuditFilter>): Promise<Page<AuditRow>> {
  const { action, actor, event } = params.filters;
  const where = {
    organizationId: ctx.organizationId,
    ...(action ? (action.endsWith(".") ? { action: { startsWith: action } } : { action }) : {}),
    ...(actor ? { actorLabel: actor } : {}),
    ...(event ? { eventSlug: event } : {}),
    ...(params.q ? { targetLabel: { contains: params.q } } : {}),
  };
  const total = await db.auditLog.count({ where });
  const { page, skip, pageCount } = pageWindow(total, params.page, params.pageSize);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: params.dir }, { id: params.dir }],
    skip,
    take: params.pageSize,
    select: {
      id: true,
      createdAt: true,
      actorType: true,
      actorLabel: true,
      action: true,
      targetType: true,
      targetLabel: true,
      eventSlug: true,
      details: true,
    },
  });
  return { rows, total, page, pageSize: params.pageSize, pageCount };
}

/** The distinct actors, for the filter menu. */
export async function auditActors(ctx: TenantContext): Promise<string[]> {
  const rows = await db.auditLog.findMany({
    where: { organizationId: ctx.organizationId },
    distinct: ["actorLabel"],
    select: { actorLabel: true },
    orderBy: { actorLabel: "asc" },
    take: 200,
  });
  return rows.map((r) => r.actorLabel);
}
