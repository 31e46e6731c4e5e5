import { createHash, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { DOC_PUBLIC_KEY_FILE } from "./refusals";

/** The public members of an RSA JWK, exactly (never d, p, q…). */
export interface RsaPublicJwk {
  kty: "RSA";
  n: string;
  e: string;
}

export interface KeyIdentity {
  /** SubjectPublicKeyInfo PEM: the one form the dashboard stores and shows. */
  spkiPem: string;
  jwk: RsaPublicJwk;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url): the `kid` hosts put in the token header. */
  kid: string;
  /** SHA-256 of the SPKI DER, shown as SHA256:<base64 without padding>. */
  fingerprint: string;
  bits: number;
}

export const FINGERPRINT_PREFIX = "SHA256:";

/** The openssl pipeline that prints the same fingerprint for the doc's public key file (it pads with "="). */
export const FINGERPRINT_COMMAND = `openssl pkey -pubin -in ${DOC_PUBLIC_KEY_FILE} -outform DER | openssl dgst -sha256 -binary | openssl base64`;

export function spkiFingerprint(key: KeyObject): string {
  const der = key.export({ type: "spki", format: "der" });
  return FINGERPRINT_PREFIX + createHash("sha256").update(der).digest("base64").replace(/=+$/, "");
}

/** "SHA256:abc…" → "abc…" (the stored column), and back. */
export const fingerprintDigest = (fingerprint: string) => (fingerprint.startsWith(FINGERPRINT_PREFIX) ? fingerprint.slice(FINGERPRINT_PREFIX.length) : fingerprint);
export const displayFingerprint = (digest: string) => (digest.startsWith(FINGERPRINT_PREFIX) ? digest : FINGERPRINT_PREFIX + digest);

/** The key's identity, computed from the imported key so every input format of one key yields the same kid. */
export async function identityOf(key: KeyObject, bits: number): Promise<KeyIdentity> {
  const exported = key.export({ format: "jwk" });
  const jwk: RsaPublicJwk = { kty: "RSA", n: String(exported.n), e: String(exported.e) };
  return {
    spkiPem: key.export({ type: "spki", format: "pem" }).toString(),
    jwk,
    kid: await calculateJwkThumbprint(jwk, "sha256"),
    fingerprint: spkiFingerprint(key),
    bits,
  };
}

/** The first characters of a kid, for tables; the full kid is always one click away. */
export function shortKid(kid: string): string {
  return kid.slice(0, 8);
}
