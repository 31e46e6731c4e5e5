import "server-only";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { parseOrgRole } from "@/lib/auth/roles";
import { db, type Transaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/env";
import { mailer } from "@/lib/mail";
import { invitationMail } from "@/lib/mail/messages";
import { AppError, conflict, notFound } from "@/lib/errors";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { SECOND_FACTOR_COLUMNS, type SessionUser } from "@/lib/tenancy/membership";
import { decideInvitation, decideRemoval, decideRoleChange, type MembershipDecision } from "./rules";
import type { changeMemberRoleSchema, inviteMemberSchema } from "./schema";

function enforce(decision: MembershipDecision): void {
  if (!decision.allowed) throw new AppError(decision.code, decision.message);
}

export async function listMembers(ctx: TenantContext) {
  const rows = await db.member.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, ...SECOND_FACTOR_COLUMNS } },
    },
  });
  return rows.map(({ user: { twoFactorEnabled, _count, ...user }, ...m }) => ({
    ...m,
    user,
    role: parseOrgRole(m.role),
    twoFactor: { authenticatorApp: Boolean(twoFactorEnabled), passkeys: _count.passkeys },
  }));
}

export async function listPendingInvitations(ctx: TenantContext) {
  return db.invitation.findMany({
    where: { organizationId: ctx.organizationId, status: "pending", expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, user: { select: { email: true } } },
  });
}

/** Serializes membership changes per organization (see Organization.membersVersion) and counts owners. */
async function lockMembership(tx: Transaction, organizationId: string): Promise<number> {
  await tx.organization.update({ where: { id: organizationId }, data: { membersVersion: { increment: 1 } } });
  const members = await tx.member.findMany({ where: { organizationId }, select: { role: true } });
  return members.filter((m) => parseOrgRole(m.role) === "owner").length;
}

export async function inviteMember(ctx: TenantContext, input: z.output<typeof inviteMemberSchema>, requestHeaders: Headers) {
  requireWrite(ctx);
  enforce(decideInvitation({ actorRole: ctx.actor.role, role: input.role }));
  const existing = await db.member.findFirst({
    where: { organizationId: ctx.organizationId, user: { email: input.email } },
    select: { id: true },
  });
  if (existing) throw conflict(`${input.email} is already a member of this organization.`, "email");
  const pending = await db.invitation.findFirst({
    where: { organizationId: ctx.organizationId, email: input.email, status: "pending", expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  if (pending) throw conflict(`${input.email} already has a pending invitation. Copy its link from the list below, or cancel it first.`, "email");

  const invitation = await auth.api.createInvitation({
    headers: requestHeaders,
    body: { email: input.email, role: input.role, organizationId: ctx.organizationId },
  });
  await db.$transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      action: "member.invited",
      targetType: "invitation",
      targetId: invitation.id,
      targetLabel: input.email,
      details: { role: input.role },
    });
  });
  const mailed = await mailInvitation(ctx, { id: invitation.id, email: input.email, role: input.role, expiresAt: new Date(invitation.expiresAt) });
  return { id: invitation.id, email: input.email, role: input.role, mailed };
}

/** "sent", "failed" (the link to copy still works) or "unavailable" (this server sends no mail). */
async function mailInvitation(ctx: TenantContext, invitation: { id: string; email: string; role: string; expiresAt: Date }) {
  if (!mailer.canSend) return "unavailable" as const;
  const inviter = await db.user.findUnique({ where: { id: ctx.actor.id ?? "" }, select: { name: true } });
  const content = invitationMail({
    organizationName: ctx.organizationName,
    inviterName: inviter?.name ?? ctx.actor.label,
    role: invitation.role,
    url: `${appUrl()}/invite/${invitation.id}`,
    expiresAt: invitation.expiresAt,
  });
  try {
    await mailer.send({ ...content, to: invitation.email, kind: "invitation", organizationId: ctx.organizationId });
    return "sent" as const;
  } catch {
    return "failed" as const;
  }
}

export async function cancelInvitation(ctx: TenantContext, invitationId: string) {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, organizationId: ctx.organizationId, status: "pending" } });
    if (!invitation) throw notFound("Invitation");
    await tx.invitation.update({ where: { id: invitation.id }, data: { status: "canceled" } });
    await recordAudit(tx, ctx, {
      action: "member.invitation_cancelled",
      targetType: "invitation",
      targetId: invitation.id,
      targetLabel: invitation.email,
    });
  });
}

export async function changeMemberRole(ctx: TenantContext, input: z.output<typeof changeMemberRoleSchema>) {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const ownerCount = await lockMembership(tx, ctx.organizationId);
    const member = await tx.member.findFirst({
      where: { id: input.memberId, organizationId: ctx.organizationId },
      include: { user: { select: { email: true } } },
    });
    if (!member) throw notFound("Member");
    const targetRole = parseOrgRole(member.role);
    if (targetRole === input.role) return member;
    enforce(decideRoleChange({ actorRole: ctx.actor.role, targetRole, newRole: input.role, ownerCount }));
    const updated = await tx.member.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(tx, ctx, {
      action: "member.role_changed",
      targetType: "member",
      targetId: member.id,
      targetLabel: member.user.email,
      details: { from: targetRole, to: input.role },
    });
    return updated;
  });
}

export async function removeMember(ctx: TenantContext, memberId: string) {
  return db.$transaction(async (tx) => {
    const ownerCount = await lockMembership(tx, ctx.organizationId);
    const member = await tx.member.findFirst({
      where: { id: memberId, organizationId: ctx.organizationId },
      include: { user: { select: { id: true, email: true } } },
    });
    if (!member) throw notFound("Member");
    const removingSelf = member.user.id === ctx.actor.id;
    if (!removingSelf) requireWrite(ctx);
    enforce(decideRemoval({ actorRole: ctx.actor.role, targetRole: parseOrgRole(member.role), ownerCount, removingSelf }));
    await tx.member.delete({ where: { id: member.id } });
    await recordAudit(tx, ctx, {
      action: "member.removed",
      targetType: "member",
      targetId: member.id,
      targetLabel: member.user.email,
      details: { role: parseOrgRole(member.role), self: removingSelf },
    });
    return { removedSelf: removingSelf };
  });
}

/** Invitation details for the accept page: only pending, unexpired invitations are shown. */
export async function invitationForAcceptance(invitationId: string) {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: { id: true, email: true, role: true, status: true, expiresAt: true, organization: { select: { name: true, slug: true } } },
  });
  if (!invitation || invitation.status !== "pending" || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

export async function acceptInvitation(user: SessionUser, invitationId: string, requestHeaders: Headers) {
  const invitation = await invitationForAcceptance(invitationId);
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation does not exist, has expired or was already used. Ask the admin for a new link.");
  if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation is for ${invitation.email}, but you are signed in as ${user.email}. Sign out and sign up or in with ${invitation.email}.`,
    );
  }
  const accepted = await auth.api.acceptInvitation({ headers: requestHeaders, body: { invitationId } });
  const organization = await db.organization.findUniqueOrThrow({ where: { slug: invitation.organization.slug } });
  await db.$transaction(async (tx) => {
    const ctx: TenantContext = {
      organizationId: organization.id,
      organizationSlug: organization.slug,
      organizationName: organization.name,
      actor: { type: "user", id: user.id, label: user.email, role: parseOrgRole(invitation.role) },
    };
    await recordAudit(tx, ctx, {
      action: "member.joined",
      targetType: "member",
      targetId: accepted?.member?.id ?? null,
      targetLabel: user.email,
      details: { role: parseOrgRole(invitation.role) },
    });
  });
  return { organizationSlug: organization.slug };
}
