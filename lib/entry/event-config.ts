import "server-only";
import { db } from "@/lib/db";
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
 * The event as the attendee entry needs it, read fresh on every request (one indexed row): its
 * configVersion tells whether the cached keys are still current, so a key revoked through any
 * instance is honoured at once by every instance.
 */
export async function loadEntryEvent(slug: string): Promise<EntryEvent | null> {
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
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
    policy: {
      requireExp: event.requireExp,
      leewaySeconds: event.leewaySeconds,
      oneOffLifetimeSeconds: event.oneOffLifetimeSeconds,
      longLivedMaxSeconds: event.longLivedMaxSeconds,
      rejectTokensIssuedBefore: event.rejectTokensIssuedBefore,
    },
    features: {
      transcription: event.transcriptionEnabled && event.organization.transcriptionEnabled,
      interpretation: event.interpretationEnabled && event.organization.interpretationEnabled,
    },
  };
}
