import { isKeyStatus, isPublished } from "./lifecycle";
import { importVerificationKey } from "./rsa-policy";

export interface PublishedJwk {
  kty: "RSA";
  n: string;
  e: string;
  /** The host's own kid when the key has one (what its tokens carry), else the RFC 7638 thumbprint. */
  kid: string;
  alg: "RS256";
  use: "sig";
  /** The RFC 7638 thumbprint, beside a host's kid (tokens may carry either); absent when kid is the thumbprint. */
  "x-rfc7638-thumbprint"?: string;
}

/** The event's public JWKS: active and retired keys only, public members only. */
export function toJwks(keys: Array<{ kid: string; hostKid?: string | null; status: string; publicKeyPem: string }>): { keys: PublishedJwk[] } {
  const published: PublishedJwk[] = [];
  for (const key of keys) {
    if (!isKeyStatus(key.status) || !isPublished(key.status)) continue;
    // Built member by member: whatever the stored PEM held, nothing but n and e can leave.
    let jwk: { kty?: unknown; n?: unknown; e?: unknown };
    try {
      jwk = importVerificationKey(key.publicKeyPem).export({ format: "jwk" });
    } catch {
      continue; // a stored key that fails the policy is not published (nor used to verify)
    }
    if (jwk.kty !== "RSA" || typeof jwk.n !== "string" || typeof jwk.e !== "string") continue;
    published.push(
      key.hostKid
        ? { kty: "RSA", n: jwk.n, e: jwk.e, kid: key.hostKid, alg: "RS256", use: "sig", "x-rfc7638-thumbprint": key.kid }
        : { kty: "RSA", n: jwk.n, e: jwk.e, kid: key.kid, alg: "RS256", use: "sig" },
    );
  }
  return { keys: published };
}

export const JWKS_MAX_AGE_SECONDS = 300;

export function jwksPath(eventSlug: string): string {
  return `/api/v1/events/${encodeURIComponent(eventSlug)}/jwks.json`;
}
