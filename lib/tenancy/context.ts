import type { OrgRole } from "@/lib/auth/roles";
import { canWrite, hasRole } from "@/lib/auth/roles";
import { forbidden } from "@/lib/errors";

/** Who is acting: a signed-in member, an organization API key, or the system (CLI, seed). */
export interface Actor {
  type: "user" | "api_key" | "system";
  id: string | null;
  label: string;
  role: OrgRole;
}

/**
 * The tenant every product operation runs in. Services put `organizationId` into every `where`,
 * so another organization's rows are simply not found.
 */
export interface TenantContext {
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  actor: Actor;
}

export function requireRole(ctx: TenantContext, required: OrgRole): void {
  if (!hasRole(ctx.actor.role, required)) {
    throw forbidden(
      required === "owner"
        ? "Only an owner of this organization can do this."
        : "Viewers can read everything but change nothing. Ask an owner or admin to give you the admin role.",
    );
  }
}

export function requireWrite(ctx: TenantContext): void {
  if (!canWrite(ctx.actor.role)) requireRole(ctx, "admin");
}
