import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import type { OrgRole } from "@/lib/auth/roles";
import { AppError, INTERNAL_ERROR_MESSAGE, parseInput, type ActionResult } from "@/lib/errors";
import { requireRole, type TenantContext } from "@/lib/tenancy/context";
import { tenantForUser, type SessionUser } from "@/lib/tenancy/membership";
import { logUnexpected } from "@/lib/log";

/**
 * Server actions are public HTTP endpoints: every one goes through these wrappers, which check the
 * session, resolve the organization through the caller's membership, check the role, parse the
 * input with the operation's zod schema, and turn every failure into a coded result (never a 500).
 */
const orgSlugSchema = z.object({ orgSlug: z.string().min(1).max(100) });

function failure(error: unknown, action: string): ActionResult<never> {
  if (error instanceof AppError) return { ok: false, error: error.toBody() };
  logUnexpected(`server action ${action}`, error);
  return { ok: false, error: { code: "INTERNAL", message: INTERNAL_ERROR_MESSAGE } };
}

export function userAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await currentUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
      const data = await handler(parseInput(schema, raw), user);
      return { ok: true, data };
    } catch (error) {
      return failure(error, name);
    }
  };
}

export function orgAction<S extends z.ZodType, T>(
  name: string,
  options: { schema: S; role: OrgRole; /** Reads only: no cache revalidation after it. */ readOnly?: boolean },
  handler: (input: z.infer<S>, ctx: TenantContext) => Promise<T>,
): (input: z.input<S> & { orgSlug: string }) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await currentUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
      const { orgSlug } = parseInput(orgSlugSchema, raw);
      const ctx = await tenantForUser(user, orgSlug);
      requireRole(ctx, options.role);
      const data = await handler(parseInput(options.schema, raw), ctx);
      if (!options.readOnly) revalidatePath(`/orgs/${ctx.organizationSlug}`, "layout");
      return { ok: true, data };
    } catch (error) {
      return failure(error, name);
    }
  };
}
