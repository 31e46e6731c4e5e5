import "server-only";
import { auth } from "@/lib/auth/auth";
import { apiKeyRoleOf } from "@/lib/api-keys/schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenancy/context";

/**
 * Bearer API key → the organization's tenant context, acting as the key (its role from the key's
 * metadata). Better Auth checks the hash, revocation, expiry and the per-key rate limit (counted
 * in the database row that every instance shares).
 */
export async function authenticateApiKey(request: Request): Promise<TenantContext> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) {
    throw new AppError("UNAUTHENTICATED", "Send an organization API key as `Authorization: Bearer <key>`. Create one in the dashboard under API keys, or with `npm run cli -- api-key create`.");
  }
  const result = await auth.api.verifyApiKey({ body: { key: match[1]! } });
  if (!result.valid || !result.key) {
    const code = String(result.error?.code ?? "");
    if (code === "RATE_LIMITED") {
      const retryAfterMs = Number((result.error as { details?: { tryAgainIn?: number } } | null)?.details?.tryAgainIn ?? 60_000);
      throw new RateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    }
    if (code === "KEY_DISABLED") throw new AppError("UNAUTHENTICATED", "This API key was revoked. Create a new key in the dashboard under API keys.");
    if (code === "KEY_EXPIRED") throw new AppError("UNAUTHENTICATED", "This API key has expired. Create a new key in the dashboard under API keys.");
    throw new AppError("UNAUTHENTICATED", "This API key is not valid. Check that it was copied whole, or create a new one.");
  }
  const key = result.key;
  const organization = await db.organization.findUnique({ where: { id: key.referenceId }, select: { id: true, slug: true, name: true } });
  if (!organization) throw new AppError("UNAUTHENTICATED", "This API key's organization no longer exists.");
  return {
    organizationId: organization.id,
    organizationSlug: organization.slug,
    organizationName: organization.name,
    actor: { type: "api_key", id: key.id, label: `API key "${key.name ?? "unnamed"}" (${key.start ?? ""}…)`, role: apiKeyRoleOf(key.metadata) },
  };
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `This API key made too many requests. Wait ${retryAfterSeconds} seconds, then retry.`);
  }
}
