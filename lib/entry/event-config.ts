import "server-only";
import { db } from "@/lib/db";
import { isEventSlug } from "./entry-path";
import { createFreshCache } from "./fresh-cache";
import { effectiveFeatures, tokenPolicyOf } from "@/lib/events/policy";
import type { EffectiveFeatures, TokenPolicy } from "@/lib/tokens/types";

export interface EntryEvent {
  id: string;
  slug: string;
  name: string;
  contact: string;
  configVersion: number;
  /** When the followed JWKS URL is next due for a refresh; null when the event follows none. */
  jwksNextFetchAt: Date | null;
  policy: TokenPolicy;
  features: EffectiveFeatures;
}

/**
 * How long this instance trusts an event row it read. The row carries configVersion (bumped with
 * every key, policy or feature change), and the imported keys are cached per configVersion, so a
 * key revoked through ANY instance is refused by every instance at most this long afterwards (plus
 * one read): the bound the issue asks for is 1 s. Measured across two instances: see README.
 */
export const ENTRY_EVENT_FRESH_MS = 250;

const cache = createFreshCache({ load: loadEntryEvent, freshMs: ENTRY_EVENT_FRESH_MS });

/**
 * The event for the attendee entry and its pages: one database read per event per
 * ENTRY_EVENT_FRESH_MS per instance, instead of one per request.
 */
export function entryEvent(slug: string): Promise<EntryEvent | null> {
  return cache.get(slug);
}

/** Tests: forget cached events (as if the freshness window had passed). */
export function forgetCachedEntryEvents(): void {
  cache.clear();
}

/** The event as the attendee entry needs it, read now (the debugger wants the current row, not a cached one). */
export async function loadEntryEvent(slug: string): Promise<EntryEvent | null> {
  if (!isEventSlug(slug)) return null;
  const event = await db.event.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      contact: true,
      configVersion: true,
      requireExp: true,
      leewaySeconds: true,
      oneOffLifetimeSeconds: true,
      longLivedMaxSeconds: true,
      rejectTokensIssuedBefore: true,
      transcriptionEnabled: true,
      interpretationEnabled: true,
      organization: { select: { transcriptionEnabled: true, interpretationEnabled: true } },
      jwksSource: { select: { nextFetchAt: true } },
    },
  });
  if (!event) return null;
  return {
    id: event.id,
    slug: event.slug,
    name: event.name,
    contact: event.contact,
    configVersion: event.configVersion,
    jwksNextFetchAt: event.jwksSource?.nextFetchAt ?? null,
    policy: tokenPolicyOf(event),
    features: effectiveFeatures(event),
  };
}
