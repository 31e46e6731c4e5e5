import { randomBytes, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rsaPair } from "@/test/keys";
import { openPrivateKey, parseKeyEncryptionKey, sealPrivateKey } from "./envelope";
import { assertVaultConfigured, decryptPrivateKey, encryptPrivateKey, VaultError, type VaultErrorCode } from "./private-key-vault";

const env = { KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
const binding = { organizationId: "org_1", eventId: "evt_1", kid: "kid_1" };
const { publicKey, privateKey } = rsaPair(2048);

function codeOf(run: () => unknown): VaultErrorCode | "no error" {
  try {
    run();
    return "no error";
  } catch (error) {
    if (error instanceof VaultError) return error.code;
    throw error;
  }
}

/** Flips one bit of one base64url part of the envelope. */
function tamper(envelope: string, part: number): string {
  const parts = envelope.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[0]! ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("private key vault (AES-256-GCM, bound to organization, event and kid)", () => {
  it("round-trips a private key that still signs", () => {
    const envelope = encryptPrivateKey(privateKey, binding, env);
    const restored = decryptPrivateKey(envelope, binding, env);
    const signature = sign("sha256", Buffer.from("hello"), restored);
    expect(verify("sha256", Buffer.from("hello"), publicKey, signature)).toBe(true);
  });

  it("stores no plaintext and uses a fresh IV each time", () => {
    const a = encryptPrivateKey(privateKey, binding, env);
    const b = encryptPrivateKey(privateKey, binding, env);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const der = privateKey.export({ type: "pkcs8", format: "der" });
    expect(a).not.toContain(der.subarray(40, 80).toString("base64url"));
    expect(a).not.toContain("PRIVATE KEY");
  });

  it("fails closed on tampered ciphertext, IV or tag", () => {
    const envelope = encryptPrivateKey(privateKey, binding, env);
    for (const part of [2, 3, 4]) expect(codeOf(() => decryptPrivateKey(tamper(envelope, part), binding, env)), `part ${part}`).toBe("decrypt_failed");
    expect(codeOf(() => decryptPrivateKey(envelope.slice(0, -4), binding, env))).not.toBe("no error");
    expect(codeOf(() => decryptPrivateKey("v0.a.b.c.d", binding, env))).toBe("envelope_malformed");
    expect(codeOf(() => decryptPrivateKey("", binding, env))).toBe("envelope_malformed");
  });

  it("fails closed when the envelope is moved to another organization, event or kid", () => {
    const envelope = encryptPrivateKey(privateKey, binding, env);
    for (const moved of [
      { ...binding, organizationId: "org_2" },
      { ...binding, eventId: "evt_2" },
      { ...binding, kid: "kid_2" },
      // No ambiguity from joining the parts: "org_1"+"evt_1" must not equal "org_"+"1evt_1".
      { ...binding, organizationId: "org_", eventId: "1evt_1" },
    ]) {
      expect(codeOf(() => decryptPrivateKey(envelope, moved, env))).toBe("decrypt_failed");
    }
  });

  it("fails closed with a missing, malformed or different key-encryption key", () => {
    const envelope = encryptPrivateKey(privateKey, binding, env);
    expect(codeOf(() => decryptPrivateKey(envelope, binding, {}))).toBe("kek_missing");
    expect(codeOf(() => encryptPrivateKey(privateKey, binding, {}))).toBe("kek_missing");
    expect(codeOf(() => assertVaultConfigured({ KEY_ENCRYPTION_KEY: "  " }))).toBe("kek_missing");
    for (const bad of ["short", randomBytes(16).toString("base64"), randomBytes(33).toString("base64"), "%".repeat(44)]) {
      expect(codeOf(() => decryptPrivateKey(envelope, binding, { KEY_ENCRYPTION_KEY: bad })), bad).toBe("kek_malformed");
    }
    expect(codeOf(() => decryptPrivateKey(envelope, binding, { KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64") }))).toBe("kek_mismatch");
    expect(codeOf(() => assertVaultConfigured(env))).toBe("no error");
  });

  it("accepts what `openssl rand -base64 32` prints, and only that length", () => {
    expect(parseKeyEncryptionKey(`${env.KEY_ENCRYPTION_KEY}\n`)).toHaveLength(32);
  });

  it("rejects a ciphertext even when an attacker forges a matching key id", () => {
    const kek = parseKeyEncryptionKey(env.KEY_ENCRYPTION_KEY);
    const sealed = sealPrivateKey(Buffer.from("secret"), binding, kek);
    expect(openPrivateKey(sealed, binding, kek).toString()).toBe("secret");
    const forged = sealed.split(".");
    forged[3] = Buffer.from("other!").toString("base64url");
    expect(codeOf(() => openPrivateKey(forged.join("."), binding, kek))).toBe("decrypt_failed");
  });
});
