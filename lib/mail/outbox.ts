import "server-only";
import { db } from "@/lib/db";
import type { TenantContext } from "@/lib/tenancy/context";
import { requireRole } from "@/lib/tenancy/context";

/**
 * The demo's outbox as an organization's owners see it: mails sent for the organization
 * (invitations, test links) and account mails to its members (password reset, new device,
 * address confirmation). Never another organization's mail.
 */
export async function listOutbox(ctx: TenantContext, limit = 100) {
  requireRole(ctx, "owner");
  const members = await db.member.findMany({ where: { organizationId: ctx.organizationId }, select: { user: { select: { email: true } } } });
  return db.outboxMail.findMany({
    where: {
      OR: [{ organizationId: ctx.organizationId }, { organizationId: null, toAddress: { in: members.map((m) => m.user.email) } }],
    },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, toAddress: true, subject: true, text: true, kind: true, createdAt: true },
  });
}
