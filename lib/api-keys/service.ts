import "server-only";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { createOrganizationApiKey } from "./create";
import { apiKeyRoleOf, type createApiKeySchema } from "./schema";

export async function listApiKeys(ctx: TenantContext) {
  const keys = await db.apikey.findMany({
    where: { referenceId: ctx.organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, start: true, enabled: true, createdAt: true, lastRequest: true, metadata: true },
  });
  return keys.map(({ metadata, ...k }) => ({ ...k, role: apiKeyRoleOf(metadata), revoked: k.enabled === false }));
}

export async function createApiKey(ctx: TenantContext, input: z.output<typeof createApiKeySchema>) {
  requireWrite(ctx);
  if (ctx.actor.type !== "user" || !ctx.actor.id) throw forbidden("API keys are created by signed-in admins or with the CLI, not by other API keys.");
  if (!hasRole(ctx.actor.role, input.role)) throw forbidden();
  return createOrganizationApiKey(auth, db, {
    organizationId: ctx.organizationId,
    creatorUserId: ctx.actor.id,
    actor: ctx.actor,
    name: input.name,
    role: input.role,
  });
}

/** Disables the key (kept, shown as revoked): requests with it fail as revoked from now on. */
export async function revokeApiKey(ctx: TenantContext, apiKeyId: string) {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const key = await tx.apikey.findFirst({ where: { id: apiKeyId, referenceId: ctx.organizationId } });
    if (!key) throw notFound("API key");
    if (key.enabled === false) throw new AppError("CONFLICT", "This API key is already revoked.");
    await tx.apikey.update({ where: { id: key.id }, data: { enabled: false, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "api_key.revoked", targetType: "api_key", targetId: key.id, targetLabel: `${key.name ?? "key"} (${key.start ?? ""}…)` });
  });
}
