import "server-only";
import { loadEntryEvent } from "@/lib/entry/event-config";
import { verificationKeysFor } from "@/lib/entry/verification-keys";
import { notFound } from "@/lib/errors";
import { getEvent } from "@/lib/events/service";
import type { TenantContext } from "@/lib/tenancy/context";
import { inspectAttendeeToken } from "@/lib/tokens/inspect-token";
import { presentInspection } from "./present";

/**
 * The token debugger for scripts: the same keys, policy and features the attendee entry uses, and
 * the same pure inspection. Nothing is consumed: no redemption, no key-usage count, no audit entry.
 */
export async function inspectTokenForEvent(ctx: TenantContext, eventSlug: string, token: string, now = new Date()) {
  await getEvent(ctx, eventSlug); // another organization's event is "not found", like everywhere else
  const event = await loadEntryEvent(eventSlug);
  if (!event) throw notFound("Event");
  const keys = await verificationKeysFor(event);
  const inspection = await inspectAttendeeToken(token, { keys, policy: event.policy, features: event.features, now });
  return presentInspection(inspection, keys, now);
}
