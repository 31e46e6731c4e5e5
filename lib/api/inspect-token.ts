import "server-only";
import { inspectEventToken } from "@/lib/debugger/inspect-event-token";
import { tokenFromInput } from "@/lib/debugger/schema";
import type { TenantContext } from "@/lib/tenancy/context";
import { presentInspection } from "./present";

/**
 * POST /events/{slug}/tokens/inspect: the dashboard's token debugger (same checks, replay state and
 * tile preview), for scripts. Nothing is consumed: no redemption, no key-usage count, no audit entry.
 * Like the debugger, it takes the bare token or a whole entry link.
 */
export async function inspectTokenForEvent(ctx: TenantContext, eventSlug: string, token: string, now = new Date()) {
  return presentInspection(await inspectEventToken(ctx, eventSlug, tokenFromInput(token), now), now);
}
