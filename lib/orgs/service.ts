import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflict, forbidden, isUniqueViolation, notFound } from "@/lib/errors";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { hasSecondFactor, SECOND_FACTOR_COLUMNS, type SessionUser } from "@/lib/tenancy/membership";
import type { createOrganizationSchema, updateOrganizationSchema } from "./schema";

/** Creates the organization with its creator as owner, in one transaction with the audit entry. */
export async function createOrganization(user: SessionUser, input: z.output<typeof createOrganizationSchema>) {
  try {
    return await db.$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: { id: randomUUID(), name: input.name, slug: input.slug, createdAt: new Date() },
      });
      await tx.member.create({
        data: { id: randomUUID(), organizationId: organization.id, userId: user.id, role: "owner", createdAt: new Date() },
      });
      const ctx: TenantContext = {
        organizationId: organization.id,
        organizationSlug: organization.slug,
        organizationName: organization.name,
        actor: { type: "user", id: user.id, label: user.email, role: "owner" },
      };
      await recordAudit(tx, ctx, {
        action: "organization.created",
        targetType: "organization",
        targetId: organization.id,
        targetLabel: organization.name,
      });
      return organization;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The slug "${input.slug}" is taken by another organization. Pick another.`, "slug");
    throw error;
  }
}

export async function getOrganization(ctx: TenantContext) {
  const organization = await db.organization.findUnique({ where: { id: ctx.organizationId } });
  if (!organization) throw notFound("Organization");
  return organization;
}

export async function updateOrganization(ctx: TenantContext, input: z.output<typeof updateOrganizationSchema>) {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: ctx.organizationId } });
    if (!before) throw notFound("Organization");
    if (input.requireTwoFactor !== undefined && input.requireTwoFactor !== before.requireTwoFactor) {
      if (ctx.actor.role !== "owner") throw forbidden("Only owners can change whether members must use two-factor.");
      if (input.requireTwoFactor && ctx.actor.type === "user") {
        const self = await tx.user.findUnique({ where: { id: ctx.actor.id ?? "" }, select: SECOND_FACTOR_COLUMNS });
        if (!self || !hasSecondFactor(self)) {
          throw new AppError("PRECONDITION_FAILED", "Set up two-factor on your own account first (Account → Two-factor), so the rule does not lock you out.", { field: "requireTwoFactor" });
        }
      }
    }
    const after = await tx.organization.update({ where: { id: ctx.organizationId }, data: input });
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of ["name", "transcriptionEnabled", "interpretationEnabled", "requireTwoFactor", "activityRetentionDays"] as const) {
      if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
    }
    if (Object.keys(changes).length > 0) {
      // Feature flags change which roles tokens can grant: the entry caches per configVersion.
      if (changes.transcriptionEnabled || changes.interpretationEnabled) {
        await tx.event.updateMany({ where: { organizationId: ctx.organizationId }, data: { configVersion: { increment: 1 } } });
      }
      await recordAudit(tx, ctx, {
        action: "organization.updated",
        targetType: "organization",
        targetId: after.id,
        targetLabel: after.name,
        details: { changes },
      });
    }
    return after;
  });
}
