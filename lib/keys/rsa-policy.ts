import { createPublicKey, type KeyObject } from "node:crypto";
import { KeyRefusedError } from "./errors";
import { MAX_RSA_BITS, MIN_RSA_BITS, REQUIRED_PUBLIC_EXPONENT, refusals } from "./refusals";

const KEY_TYPE_NAMES: Record<string, string> = {
  ec: "an elliptic-curve (EC) key",
  ed25519: "an Ed25519 key",
  ed448: "an Ed448 key",
  x25519: "an X25519 key",
  x448: "an X448 key",
  dsa: "a DSA key",
  dh: "a Diffie-Hellman key",
  "rsa-pss": "an RSA-PSS-only key (RS256 needs a plain RSA key)",
};

/**
 * The one policy every signing key passes, whether pasted, generated or loaded for verification:
 * a plain RSA public key of 2048–4096 bits with exponent 65537. jose checks none of this (it
 * imports e = 1, and a forged token for such a key verifies), so it is checked here.
 */
export function assertRsaPolicy(key: KeyObject): { bits: number } {
  if (key.type !== "public") throw new KeyRefusedError(refusals.privateKey("a private key object"));
  const type = key.asymmetricKeyType ?? "unknown";
  if (type !== "rsa") throw new KeyRefusedError(refusals.notRsa(KEY_TYPE_NAMES[type] ?? `a ${type} key`));
  const details = key.asymmetricKeyDetails ?? {};
  const bits = details.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new KeyRefusedError(refusals.tooSmall(bits));
  if (bits > MAX_RSA_BITS) throw new KeyRefusedError(refusals.tooLarge(bits));
  if (details.publicExponent !== BigInt(REQUIRED_PUBLIC_EXPONENT)) {
    throw new KeyRefusedError(refusals.badExponent(String(details.publicExponent ?? "unknown")));
  }
  // An even modulus has the factor 2: no key made of two odd primes looks like that, and jose would still use it.
  const n = key.export({ format: "jwk" }).n;
  if (typeof n !== "string" || (Buffer.from(n, "base64url").at(-1)! & 1) === 0) throw new KeyRefusedError(refusals.evenModulus());
  return { bits };
}

/** A stored SPKI PEM, imported once and held to the same policy (for the attendee entry's key cache). */
export function importVerificationKey(spkiPem: string): KeyObject {
  if (!spkiPem.trimStart().startsWith("-----BEGIN PUBLIC KEY-----")) {
    // createPublicKey would silently derive a public key from a private PEM; stored keys are SPKI only.
    throw new KeyRefusedError(refusals.unrecognized("The stored key is not an SPKI public key."));
  }
  const key = createPublicKey({ key: spkiPem, format: "pem" });
  assertRsaPolicy(key);
  return key;
}
