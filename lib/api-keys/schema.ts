import { z } from "zod";

/** API keys act with admin (read and write) or viewer (read-only) rights in their organization. */
export const API_KEY_ROLES = ["admin", "viewer"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Name the key after the script or system that will use it, e.g. \"CI key rotation\".")
    .max(64, "The name must be at most 64 characters."),
  role: z.enum(API_KEY_ROLES, { error: "Choose admin (read and write) or viewer (read-only)." }),
});

export const revokeApiKeySchema = z.object({ apiKeyId: z.string().min(1) });

export function apiKeyRoleOf(metadata: unknown): ApiKeyRole {
  const role = typeof metadata === "string" ? safeParse(metadata)?.role : (metadata as { role?: unknown } | null)?.role;
  return role === "admin" ? "admin" : "viewer";
}

function safeParse(text: string): { role?: unknown } | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    // Better Auth may store metadata JSON-encoded twice.
    return typeof parsed === "string" ? safeParse(parsed) : (parsed as { role?: unknown });
  } catch {
    return null;
  }
}
