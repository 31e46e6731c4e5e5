import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { tenantEvent } from "@/lib/events/scope";
import { tenantForUser, TwoFactorRequiredError } from "./membership";

/** For pages under /orgs/[org]: the signed-in user and tenant, or Next's 404 for a non-member. */
export const pageTenant = cache(async (orgSlug: string) => {
  const user = await requireUser(`/orgs/${orgSlug}`);
  try {
    return { user, ctx: await tenantForUser(user, orgSlug) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TwoFactorRequiredError) redirect(`/account?required=${encodeURIComponent(error.organizationSlug)}`);
    throw error;
  }
});

/** Runs a service lookup for a page, turning "not found" into Next's 404 page. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * The event of an /orgs/[org]/events/[event] page, read once per request: the layout (its name and
 * tabs) and the page share the one lookup. Another organization's event is Next's 404.
 */
export const pageEvent = cache(async (orgSlug: string, eventSlug: string) => {
  const { ctx } = await pageTenant(orgSlug);
  return orNotFound(tenantEvent(ctx, eventSlug));
});
