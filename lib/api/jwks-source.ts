import type { JwksSourceView, TrialFetch } from "@/lib/keys/jwks-url/service";

/** The trial fetch of a newly set JWKS URL, as the API shows it. */
export function presentJwksTrial(trial: TrialFetch | null) {
  if (!trial) return null;
  return {
    url: trial.url,
    fetchedAt: trial.fetchedAt.toISOString(),
    acceptedKeys: trial.accepted,
    refusedKeys: trial.refused,
    nextFetchAt: trial.nextFetchAt.toISOString(),
  };
}

export function presentJwksSource(source: JwksSourceView | null) {
  if (!source) return null;
  return {
    url: source.url,
    lastAttemptAt: source.lastAttemptAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    lastError: source.lastError,
    refusedKeys: source.refused,
    nextFetchAt: source.nextFetchAt.toISOString(),
    expired: source.expired,
  };
}
