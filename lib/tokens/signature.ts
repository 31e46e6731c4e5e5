import { constants, publicDecrypt } from "node:crypto";
import { compactVerify } from "jose";
import type { ParsedJws } from "./parse-token";
import type { ReasonDetails } from "./reasons";
import type { VerificationKey } from "./types";

export const ACCEPTED_ALGORITHM = "RS256";

export type AlgorithmOutcome = { ok: true } | { ok: false; reason: "bad_signature"; detail: ReasonDetails["bad_signature"] };

export type SignatureOutcome =
  | { ok: true; key: VerificationKey }
  | { ok: false; reason: "bad_signature"; detail: ReasonDetails["bad_signature"] }
  | { ok: false; reason: "unknown_key"; detail: ReasonDetails["unknown_key"] }
  | { ok: false; reason: "key_revoked"; detail: ReasonDetails["key_revoked"] };

/** RS256 only: "none", HS* (the public key's PEM as an HMAC secret), PS*, ES* and the rest are refused. */
export function checkAlgorithm(header: Record<string, unknown>): AlgorithmOutcome {
  const alg = header.alg;
  if (alg === ACCEPTED_ALGORITHM) return { ok: true };
  return { ok: false, reason: "bad_signature", detail: { problem: "alg_not_allowed", alg: typeof alg === "string" ? alg.slice(0, 32) : null } };
}

/**
 * Defence in depth: lib/keys already refuses weak keys at import, but jose would verify a forged token
 * for an e = 3 or e = 1 key, and throws a plain TypeError for short ones. Such a key is never handed to jose.
 */
export function isUsableKey(key: VerificationKey): boolean {
  const k = key.publicKey;
  if (k.type !== "public" || k.asymmetricKeyType !== "rsa") return false;
  const details = k.asymmetricKeyDetails;
  return (details?.modulusLength ?? 0) >= 2048 && details?.publicExponent === BigInt(65537);
}

async function verifiesWith(token: string, key: VerificationKey): Promise<boolean> {
  try {
    await compactVerify(token, key.publicKey, { algorithms: [ACCEPTED_ALGORITHM] });
    return true;
  } catch {
    // JWSSignatureVerificationFailed, and anything else jose might throw (a TypeError for a short key): not verified.
    return false;
  }
}

/**
 * Whether `key` made this signature over SOME content: its PKCS#1 v1.5 padding opens under the key.
 * Only used after verification failed, to tell "changed after signing" from "signed with another key".
 */
function keyMadeSignature(signature: Uint8Array, key: VerificationKey): boolean {
  try {
    publicDecrypt({ key: key.publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
    return true;
  } catch {
    return false;
  }
}

/**
 * Key choice: a `kid` (the thumbprint or the host's own kid) picks that key of the event (revoked → key_revoked without any crypto); without
 * a `kid`, the active keys and then the retired ones are tried, and a revoked key that verifies the
 * signature still yields key_revoked. `token` must be the string `parsed` came from, and its algorithm
 * must have passed checkAlgorithm.
 */
export async function verifySignature(token: string, parsed: ParsedJws, keys: readonly VerificationKey[]): Promise<SignatureOutcome> {
  const kid = typeof parsed.header.kid === "string" ? parsed.header.kid : null;

  if (kid !== null) {
    // The thumbprint or the host's own kid: hosts whose JWKS carry their own kids sign with those.
    const named = keys.filter((k) => k.kid === kid || (k.hostKid != null && k.hostKid === kid));
    if (named.length === 0) return { ok: false, reason: "unknown_key", detail: { problem: "kid_not_found", kid, keysTried: 0 } };
    const live = named.filter((k) => k.status !== "revoked");
    if (live.length === 0) return { ok: false, reason: "key_revoked", detail: { kid, keyId: named[0]!.id } };
    const usable = live.filter(isUsableKey);
    for (const key of usable) if (await verifiesWith(token, key)) return { ok: true, key };
    const first = usable[0];
    if (!first) return { ok: false, reason: "bad_signature", detail: { problem: "key_unusable", kid, keyId: live[0]!.id } };
    const problem = keyMadeSignature(parsed.signature, first) ? "content_changed" : "different_key";
    return { ok: false, reason: "bad_signature", detail: { problem, kid, keyId: first.id } };
  }

  const usable = keys.filter(isUsableKey);
  const live = [...usable.filter((k) => k.status === "active"), ...usable.filter((k) => k.status === "retired")];
  for (const key of live) if (await verifiesWith(token, key)) return { ok: true, key };
  const revoked = usable.filter((k) => k.status === "revoked");
  for (const key of revoked) if (await verifiesWith(token, key)) return { ok: false, reason: "key_revoked", detail: { kid: key.kid, keyId: key.id } };

  const maker = live.find((k) => keyMadeSignature(parsed.signature, k));
  if (maker) return { ok: false, reason: "bad_signature", detail: { problem: "content_changed", kid: maker.kid, keyId: maker.id } };
  const revokedMaker = revoked.find((k) => keyMadeSignature(parsed.signature, k));
  if (revokedMaker) return { ok: false, reason: "key_revoked", detail: { kid: revokedMaker.kid, keyId: revokedMaker.id } };
  if (live.length === 0) return { ok: false, reason: "unknown_key", detail: { problem: "no_keys", kid: null, keysTried: 0 } };
  return { ok: false, reason: "unknown_key", detail: { problem: "no_key_matches", kid: null, keysTried: live.length } };
}
