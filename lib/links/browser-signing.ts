import { base64url, calculateJwkThumbprint, exportJWK, SignJWT, type JWTPayload } from "jose";
import { MAX_RSA_BITS, MIN_RSA_BITS } from "@/lib/keys/refusals";
import type { Result } from "@/lib/result";

/**
 * Signing a test link entirely in the admin's browser with WebCrypto and jose: the private key the
 * admin pastes or drops in is parsed and used in the page and never sent anywhere; the server only
 * learns the link's metadata (jti, kid, claims, times and the token's SHA-256).
 *
 * Framework-free and given the SubtleCrypto to use, so the same code runs in Node's tests.
 * PKCS#1 ("BEGIN RSA PRIVATE KEY", what the doc's `ssh-keygen -m PEM` writes) is wrapped into
 * PKCS#8 here, because WebCrypto imports only PKCS#8.
 */
export const MAX_PRIVATE_KEY_BYTES = 16 * 1024;

export type PrivateKeyFormat = "pkcs1" | "pkcs8";

/** Why a pasted key cannot sign, and where a command fixes it, that command. */
export interface KeyProblem {
  message: string;
  command?: string;
}

export type ReadPrivateKey = Result<{ pkcs8: Uint8Array<ArrayBuffer>; format: PrivateKeyFormat }, KeyProblem>;

function refuse(message: string, command?: string): { ok: false; error: KeyProblem } {
  return { ok: false, error: command ? { message, command } : { message } };
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const CONVERT_OPENSSH = 'ssh-keygen -p -N "" -m PEM -f frameable.key';
const DECRYPT_PKCS1 = "openssl rsa -in frameable.key -out frameable.plain.key";
const DECRYPT_PKCS8 = "openssl pkcs8 -in frameable.key -out frameable.plain.key";

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> | null {
  const clean = base64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

function derElement(tag: number, content: Uint8Array): Uint8Array {
  const header = [tag, ...derLength(content.length)];
  const out = new Uint8Array(header.length + content.length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

// version 0, AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }
const PKCS8_RSA_PREFIX = [0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

/** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey. */
export function wrapPkcs1InPkcs8(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const octets = derElement(0x04, pkcs1);
  const body = new Uint8Array(PKCS8_RSA_PREFIX.length + octets.length);
  body.set(PKCS8_RSA_PREFIX, 0);
  body.set(octets, PKCS8_RSA_PREFIX.length);
  const wrapped = derElement(0x30, body);
  const out = new Uint8Array(new ArrayBuffer(wrapped.length));
  out.set(wrapped);
  return out;
}

/** Reads the private key PEM an admin pasted; every refusal says what to do instead. */
export function readPrivateKeyPem(text: string): ReadPrivateKey {
  if (new TextEncoder().encode(text).length > MAX_PRIVATE_KEY_BYTES) {
    return refuse("This is longer than any RSA private key file (at most 16 KB). Paste only the key, from -----BEGIN to -----END.");
  }
  if (text.trim() === "") return refuse("Paste the private key file, or drop it here.");
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) {
    if (text.trim().startsWith("{")) return refuse("JWK keys are not supported here: paste the private key as PEM (a file that starts with BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY).");
    return refuse("This is not a PEM private key. Paste the whole file, from its BEGIN RSA PRIVATE KEY (or BEGIN PRIVATE KEY) line to its END line.");
  }
  if (blocks.length > 1) return refuse(`This contains ${blocks.length} PEM blocks. Paste exactly one private key.`);
  const [, label = "", body = ""] = blocks[0]!;
  switch (label) {
    case "PUBLIC KEY":
    case "RSA PUBLIC KEY":
      return refuse("This is a public key. Signing needs the private key: the file your platform signs with (frameable.key in the doc), not frameable.pub.pem.");
    case "OPENSSH PRIVATE KEY":
      return refuse("This is an OpenSSH-format key. Convert it to PEM first (this rewrites the file in place), then paste it again:", CONVERT_OPENSSH);
    case "ENCRYPTED PRIVATE KEY":
      return refuse("This private key is protected with a passphrase. Write an unencrypted copy (keep it safe, delete it after), then paste that:", DECRYPT_PKCS8);
    case "EC PRIVATE KEY":
    case "DSA PRIVATE KEY":
      return refuse("This is not an RSA key. Event tokens are RS256: sign with the RSA key whose public key is on this event.");
    case "RSA PRIVATE KEY":
    case "PRIVATE KEY":
      break;
    default:
      return refuse(`This is a ${label.toLowerCase()}, not a private key. Paste the private key PEM (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY).`);
  }
  if (/Proc-Type:\s*4,ENCRYPTED/i.test(body)) {
    return refuse("This private key is protected with a passphrase. Write an unencrypted copy (keep it safe, delete it after), then paste that:", DECRYPT_PKCS1);
  }
  const der = base64ToBytes(body);
  if (!der) return refuse("The key's base64 text is damaged (a line is missing or altered). Paste the whole file again.");
  return label === "RSA PRIVATE KEY" ? { ok: true, pkcs8: wrapPkcs1InPkcs8(der), format: "pkcs1" } : { ok: true, pkcs8: der, format: "pkcs8" };
}

function bitLength(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  return (bytes.length - start - 1) * 8 + bytes[start]!.toString(2).length;
}

export interface BrowserSigningKey {
  key: CryptoKey;
  kid: string;
  bits: number;
  format: PrivateKeyFormat;
}

export type ImportOutcome = Result<{ signingKey: BrowserSigningKey }, KeyProblem>;

const RS256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

/**
 * Imports the pasted key for signing and works out its kid. The key is imported once extractable
 * only to read its public modulus, then again as non-extractable for signing.
 */
export async function importPrivateKey(subtle: SubtleCrypto, text: string): Promise<ImportOutcome> {
  const read = readPrivateKeyPem(text);
  if (!read.ok) return read;
  let jwk: Awaited<ReturnType<typeof exportJWK>>;
  try {
    jwk = await exportJWK(await subtle.importKey("pkcs8", read.pkcs8, RS256, true, ["sign"]));
  } catch {
    return refuse("This is not a usable RSA private key (the browser could not read it). Check that you pasted the whole file, unchanged.");
  }
  if (jwk.kty !== "RSA" || !jwk.n || !jwk.e) return refuse("This is not an RSA private key.");
  const bits = bitLength(base64url.decode(jwk.n));
  if (jwk.e !== "AQAB") return refuse("This RSA key's public exponent is not 65537, so the event would never accept its signatures.");
  if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) return refuse(`This RSA key has ${bits} bits; event keys have ${MIN_RSA_BITS} to ${MAX_RSA_BITS}.`);
  // RFC 7638, the kid this dashboard gives every key.
  const kid = await calculateJwkThumbprint({ kty: "RSA", n: jwk.n, e: jwk.e });
  const key = await subtle.importKey("pkcs8", read.pkcs8, RS256, false, ["sign"]);
  return { ok: true, signingKey: { key, kid, bits, format: read.format } };
}

/** A compact RS256 JWS of the header and payload. */
export async function signJwt(key: CryptoKey, header: { alg: "RS256"; typ: "JWT"; kid: string }, payload: JWTPayload): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

/** SHA-256 of the token, hex: what IssuedLink.tokenHash stores (lib/links/token-hash.ts on the server). */
export async function sha256Hex(subtle: SubtleCrypto, text: string): Promise<string> {
  const digest = new Uint8Array(await subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
