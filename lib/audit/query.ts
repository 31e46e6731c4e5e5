import "server-only";
import { db } from "@/lib/db";
import { pageWindow, type ListParams, type Page } from "@/lib/tables/list-params";
import type { TenantContext } from "@/lib/tenancy/context";
import type { AuditRecord } from "./present";

export const AUDIT_SORTS = ["createdAt"] as const;
export const AUDIT_FILTERS = ["action", "actor", "event"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

export type AuditRow = AuditRecord;

/** The log's filters, from the table's URL or the API's query: action (or an area prefix such as "member."), actor, event, target search and a time window. */
export interface AuditFilters {
  action?: string;
  actor?: string;
  event?: string;
  q?: string;
  from?: Date;
  to?: Date;
}

/** At most this many rows in one CSV export (newest first). */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;

const AUDIT_COLUMNS = { id: true, createdAt: true, actorType: true, actorLabel: true, action: true, targetType: true, targetLabel: true, eventSlug: true, details: true } as const;

function auditWhere(ctx: TenantContext, { action, actor, event, q, from, to }: AuditFilters) {
  return {
    organizationId: ctx.organizationId,
    ...(action ? (action.endsWith(".") ? { action: { startsWith: action } } : { action }) : {}),
    ...(actor ? { actorLabel: actor } : {}),
    ...(event ? { eventSlug: event } : {}),
    ...(q ? { targetLabel: { contains: q } } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

/** The dashboard table's filters (URL) as AuditFilters. */
export function auditFiltersOf(params: ListParams<AuditSort, AuditFilter>): AuditFilters {
  return { ...params.filters, q: params.q || undefined };
}

/** One page, newest first (or oldest first with dir=asc). */
export async function listAuditLog(ctx: TenantContext, filters: AuditFilters, paging: { page: number; pageSize: number; dir?: "asc" | "desc" }): Promise<Page<AuditRow>> {
  const where = auditWhere(ctx, filters);
  const dir = paging.dir ?? "desc";
  const total = await db.auditLog.count({ where });
  const { page, skip, pageCount } = pageWindow(total, paging.page, paging.pageSize);
  const rows = await db.auditLog.findMany({ where, orderBy: [{ createdAt: dir }, { id: dir }], skip, take: paging.pageSize, select: AUDIT_COLUMNS });
  return { rows, total, page, pageSize: paging.pageSize, pageCount };
}

/** Every entry matching the filters, newest first, for the CSV export (at most MAX_AUDIT_EXPORT_ROWS). */
export async function auditForExport(ctx: TenantContext, filters: AuditFilters): Promise<AuditRow[]> {
  return db.auditLog.findMany({ where: auditWhere(ctx, filters), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: MAX_AUDIT_EXPORT_ROWS, select: AUDIT_COLUMNS });
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
