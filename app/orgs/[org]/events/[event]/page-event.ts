import "server-only";
import { cache } from "react";
import { tenantEvent } from "@/lib/events/scope";
import { orNotFound, pageTenant } from "@/lib/tenancy/page";

/**
 * The event of an /orgs/[org]/events/[event] page, read once per request: the layout (its name and
 * tabs) and the page share the one lookup. Another organization's event is Next's 404.
 */
export const pageEvent = cache(async (orgSlug: string, eventSlug: string) => {
  const { ctx } = await pageTenant(orgSlug);
  return orNotFound(tenantEvent(ctx, eventSlug));
});
