import type { Database } from "@/lib/db/create-client";
import type { createAuth } from "@/lib/auth/config";
import type { ApiKeyRole } from "./schema";

type AuthInstance = ReturnType<typeof createAuth>;

/**
 * Creates an organization API key through Better Auth (which generates it and stores only its
 * hash and visible start) and writes the audit entry. Shared by the dashboard and the CLI.
 * The full key is in the return value only: it is shown once.
 */
export async function createOrganizationApiKey(
  auth: AuthInstance,
  db: Database,
  input: { organizationId: string; creatorUserId: string; actor: { type: string; id: string | null; label: string }; name: string; role: ApiKeyRole },
) {
  const created = await auth.api.createApiKey({
    body: {
      organizationId: input.organizationId,
      userId: input.creatorUserId,
      name: input.name,
      metadata: { role: input.role, createdBy: input.actor.label },
    },
  });
  await db.auditLog.create({
    data: {
      organizationId: input.organizationId,
      actorType: input.actor.type,
      actorId: input.actor.id,
      actorLabel: input.actor.label,
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.id,
      targetLabel: `${input.name} (${created.start ?? ""}…)`,
      details: JSON.stringify({ role: input.role }),
    },
  });
  return { id: created.id, key: created.key, start: created.start ?? "", name: input.name, role: input.role };
}
