import type { ApiEvent } from "./schemas";

interface EventRecord {
  slug: string;
  name: string;
  startsAt: Date | null;
  endsAt: Date | null;
  contact: string;
  transcriptionEnabled: boolean;
  interpretationEnabled: boolean;
  oneOffLifetimeSeconds: number;
  longLivedMaxSeconds: number;
  leewaySeconds: number;
  requireExp: boolean;
  rejectTokensIssuedBefore: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function presentEvent(event: EventRecord, baseUrl: string): ApiEvent {
  return {
    slug: event.slug,
    name: event.name,
    entryUrl: `${baseUrl}/e/${event.slug}`,
    startsAt: event.startsAt?.toISOString() ?? null,
    endsAt: event.endsAt?.toISOString() ?? null,
    contact: event.contact,
    features: { transcription: event.transcriptionEnabled, interpretation: event.interpretationEnabled },
    policy: {
      oneOffLifetimeSeconds: event.oneOffLifetimeSeconds,
      longLivedMaxSeconds: event.longLivedMaxSeconds,
      leewaySeconds: event.leewaySeconds,
      requireExp: event.requireExp,
      rejectTokensIssuedBefore: event.rejectTokensIssuedBefore?.toISOString() ?? null,
    },
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}
