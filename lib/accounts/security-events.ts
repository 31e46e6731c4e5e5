import type { Database } from "@/lib/db/create-client";
import type { AuditAction } from "@/lib/audit/actions";

/**
 * Account security events (sign-in, failed sign-ins, two-factor, password, sessions) belong to a
 * person, not to one organization: each is written to the audit log of every organization the
 * person is a member of, so that organization's owners see what happens to the accounts that can
 * change their events. Details never hold a password, code or token.
 */
export async function recordSecurityEvent(
  db: Database,
  input: { userId: string; action: AuditAction; details?: Record<string, unknown>; at?: Date },
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, members: { select: { organizationId: true } } } });
  if (!user || user.members.length === 0) return;
  await db.auditLog.createMany({
    data: user.members.map((m) => ({
      organizationId: m.organizationId,
      actorType: "user",
      actorId: user.id,
      actorLabel: user.email,
      action: input.action,
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
      details: input.details ? JSON.stringify(input.details) : null,
      ...(input.at ? { createdAt: input.at } : {}),
    })),
  });
}
