import type { EffectiveFeatures, TokenPolicy } from "@/lib/tokens/types";

/** The feature flags of an event and of its organization (Event columns, and the organization's). */
export interface FeatureColumns {
  transcriptionEnabled: boolean;
  interpretationEnabled: boolean;
  organization: { transcriptionEnabled: boolean; interpretationEnabled: boolean };
}

/** The event's token policy (Event columns of the same names), without the rest of the row. */
export function tokenPolicyOf(event: TokenPolicy): TokenPolicy {
  return {
    requireExp: event.requireExp,
    leewaySeconds: event.leewaySeconds,
    oneOffLifetimeSeconds: event.oneOffLifetimeSeconds,
    longLivedMaxSeconds: event.longLivedMaxSeconds,
    rejectTokensIssuedBefore: event.rejectTokensIssuedBefore,
  };
}

/** A feature is on only when the organization AND the event turn it on (transcriber and interpreter roles need it). */
export function effectiveFeatures(event: FeatureColumns): EffectiveFeatures {
  return {
    transcription: event.transcriptionEnabled && event.organization.transcriptionEnabled,
    interpretation: event.interpretationEnabled && event.organization.interpretationEnabled,
  };
}

/** Each flag as the organization and the event set it, for pages that explain why a feature is off. */
export function featureSettings(event: FeatureColumns) {
  return {
    effective: effectiveFeatures(event),
    organization: { transcription: event.organization.transcriptionEnabled, interpretation: event.organization.interpretationEnabled },
    event: { transcription: event.transcriptionEnabled, interpretation: event.interpretationEnabled },
  };
}
