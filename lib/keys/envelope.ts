import { createCipheriv, createDecipheriv, createHash, createPrivateKey, randomBytes, type KeyObject } from "node:crypto";

/**
 * AES-256-GCM envelope for private keys at rest (framework-free; the app reaches it through
 * private-key-vault.ts, the demo seed directly). The organization, event and kid are bound as
 * additional data, so a ciphertext copied to another key row or event does not decrypt. Every
 * failure throws VaultError: there is no fallback to plaintext, ever.
 *
 * Format: v1.<kekId>.<iv>.<ciphertext>.<tag>, each part base64url; kekId names the
 * key-encryption key (a hash prefix) so a wrong KEY_ENCRYPTION_KEY is reported as such.
 */
export type VaultErrorCode = "kek_missing" | "kek_malformed" | "kek_mismatch" | "envelope_malformed" | "decrypt_failed";

export class VaultError extends Error {
  readonly code: VaultErrorCode;
  constructor(code: VaultErrorCode, message: string) {
    super(message);
    this.name = "VaultError";
    this.code = code;
  }
}

export interface KeyBinding {
  organizationId: string;
  eventId: string;
  kid: string;
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** KEY_ENCRYPTION_KEY: exactly 32 bytes, canonical base64 (what `openssl rand -base64 32` prints). */
export function parseKeyEncryptionKey(value: string | undefined): Buffer {
  const text = value?.trim() ?? "";
  if (text === "") throw new VaultError("kek_missing", "KEY_ENCRYPTION_KEY is not set, so private keys cannot be encrypted or decrypted.");
  const bytes = Buffer.from(text, "base64");
  if (bytes.length !== 32 || bytes.toString("base64") !== text) {
    throw new VaultError("kek_malformed", "KEY_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32).");
  }
  return bytes;
}

function kekId(kek: Buffer): string {
  return createHash("sha256").update("signing-key-kek-id\0").update(kek).digest("base64url").slice(0, 8);
}

function additionalData(binding: KeyBinding): Buffer {
  for (const [name, value] of Object.entries(binding)) {
    if (typeof value !== "string" || value === "") throw new VaultError("envelope_malformed", `The key binding's ${name} is missing.`);
  }
  return Buffer.from(JSON.stringify(["signing-key", VERSION, binding.organizationId, binding.eventId, binding.kid]), "utf8");
}

export function sealPrivateKey(plaintext: Buffer, binding: KeyBinding, kek: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", kek, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, kekId(kek), iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

export function openPrivateKey(envelope: string, binding: KeyBinding, kek: Buffer): Buffer {
  const parts = typeof envelope === "string" ? envelope.split(".") : [];
  if (parts.length !== 5 || parts[0] !== VERSION) throw new VaultError("envelope_malformed", "The stored private key is not a v1 envelope.");
  const [, id, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
  if (id !== kekId(kek)) {
    throw new VaultError("kek_mismatch", "The stored private key was encrypted with a different KEY_ENCRYPTION_KEY than the one configured.");
  }
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new VaultError("envelope_malformed", "The stored private key envelope is damaged.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", kek, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(binding));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, "base64url")), decipher.final()]);
  } catch {
    throw new VaultError("decrypt_failed", "The stored private key does not decrypt for this organization, event and key: it was altered or moved.");
  }
}

/** A private key, as PKCS#8 DER inside the envelope (the plaintext copy is wiped after use). */
export function sealPrivateKeyObject(privateKey: KeyObject, binding: KeyBinding, kek: Buffer): string {
  const der = privateKey.export({ type: "pkcs8", format: "der" });
  try {
    return sealPrivateKey(der, binding, kek);
  } finally {
    der.fill(0);
  }
}

export function openPrivateKeyObject(envelope: string, binding: KeyBinding, kek: Buffer): KeyObject {
  const der = openPrivateKey(envelope, binding, kek);
  try {
    return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  } finally {
    der.fill(0);
  }
}
