import "server-only";
import type { Transaction } from "@/lib/db";
import type { TenantContext } from "@/lib/tenancy/context";
import type { AuditAction, AuditTargetType } from "./actions";

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  targetLabel: string;
  eventSlug?: string | null;
  /** What changed; never secrets, tokens or key material. */
  details?: Record<string, unknown>;
}

/** Written in the same transaction as the change it describes, so the log never disagrees with the data. */
export async function recordAudit(tx: Transaction, ctx: TenantContext, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: ctx.organizationId,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      actorLabel: ctx.actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      targetLabel: entry.targetLabel,
      eventSlug: entry.eventSlug ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    },
  });
}
