import { generateKeyPairSync, type KeyObject } from "node:crypto";

/**
 * Real keys for tests, made by node:crypto. RSA generation takes ~0.1–2 s, so this is the one cache
 * of test key pairs: each name (or size) is generated once per test file.
 */
export interface TestKeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const cache = new Map<string, TestKeyPair>();

/** A cached RSA key pair per name (2048-bit, e = 65537 unless asked otherwise). */
export function keyPair(name: string, options: { bits?: number; exponent?: number } = {}): TestKeyPair {
  let pair = cache.get(name);
  if (!pair) {
    pair = generateKeyPairSync("rsa", { modulusLength: options.bits ?? 2048, publicExponent: options.exponent ?? 65537 });
    cache.set(name, pair);
  }
  return pair;
}

/** A cached RSA key pair of this size and exponent, for tests about key sizes. */
export function rsaPair(bits = 2048, publicExponent = 65537): TestKeyPair {
  return keyPair(`rsa-${bits}-${publicExponent}`, { bits, exponent: publicExponent });
}

export function spkiPem(key: KeyObject): string {
  return key.export({ type: "spki", format: "pem" }).toString();
}

export function pkcs1PublicPem(key: KeyObject): string {
  return key.export({ type: "pkcs1", format: "pem" }).toString();
}

/** The OpenSSH public key line of an RSA key, built from its wire format (RFC 4253). */
export function openSshLine(key: KeyObject, comment = "host@example"): string {
  const jwk = key.export({ format: "jwk" });
  const mpint = (b64url: string) => {
    let bytes = Buffer.from(b64url, "base64url");
    if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return bytes;
  };
  const field = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const blob = Buffer.concat([field(Buffer.from("ssh-rsa")), field(mpint(jwk.e!)), field(mpint(jwk.n!))]);
  return `ssh-rsa ${blob.toString("base64")}${comment ? ` ${comment}` : ""}`;
}

/** A syntactically valid RSA public JWK with a random odd modulus of `bits` bits (no primes needed to test size limits). */
export function fakeModulusJwk(bits: number, e = "AQAB") {
  const bytes = Buffer.alloc(Math.ceil(bits / 8), 0xa5);
  const topBits = bits % 8 || 8;
  bytes[0] = (1 << (topBits - 1)) | 1;
  bytes[bytes.length - 1]! |= 1;
  return { kty: "RSA", n: bytes.toString("base64url"), e };
}
