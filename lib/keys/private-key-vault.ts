import "server-only";
import type { KeyObject } from "node:crypto";
import { openPrivateKeyObject, parseKeyEncryptionKey, sealPrivateKeyObject, type KeyBinding } from "./envelope";

export { VaultError, type KeyBinding, type VaultErrorCode } from "./envelope";

type Env = Record<string, string | undefined>;

/**
 * Private keys the dashboard keeps (generated keys whose admin chose so), encrypted with the
 * key-encryption key from KEY_ENCRYPTION_KEY. Decrypted only to sign (test links), never to be sent
 * anywhere: decryptPrivateKey returns a KeyObject, not text. Missing or malformed KEK: fails closed.
 */
function keyEncryptionKey(env: Env): Buffer {
  return parseKeyEncryptionKey(env.KEY_ENCRYPTION_KEY);
}

/** Throws VaultError when KEY_ENCRYPTION_KEY is missing or malformed (checked before a key is generated). */
export function assertVaultConfigured(env: Env = process.env): void {
  keyEncryptionKey(env);
}

/** Encrypts a private key for one organization, event and kid. */
export function encryptPrivateKey(privateKey: KeyObject, binding: KeyBinding, env: Env = process.env): string {
  return sealPrivateKeyObject(privateKey, binding, keyEncryptionKey(env));
}

/** The private key of a stored envelope, for signing only. Throws VaultError on any mismatch or damage. */
export function decryptPrivateKey(envelope: string, binding: KeyBinding, env: Env = process.env): KeyObject {
  return openPrivateKeyObject(envelope, binding, keyEncryptionKey(env));
}
