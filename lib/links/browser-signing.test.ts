import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { describe, expect, it } from "vitest";
import { rsaPair } from "@/test/keys";
import { verifyAttendeeToken } from "@/lib/tokens/verify-token";
import { POLICY } from "@/test/tokens";
import { importPrivateKey, readPrivateKeyPem, sha256Hex, signJwt } from "./browser-signing";
import { tokenHash } from "./token-hash";

// Node's WebCrypto is the same API as the browser's: the code under test never knows the difference.
const subtle = globalThis.crypto.subtle;

const pem = (key: KeyObject, type: "pkcs1" | "pkcs8", extra: object = {}) => key.export({ type, format: "pem", ...extra }).toString();
const kidOf = (publicKey: KeyObject) => calculateJwkThumbprint(publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string });

async function signed(text: string) {
  const imported = await importPrivateKey(subtle, text);
  if (!imported.ok) throw new Error(imported.error.message);
  return imported.signingKey;
}

describe("signing in the browser with a pasted private key", () => {
  it.each(["pkcs1", "pkcs8"] as const)("reads a %s PEM, finds its kid and signs a token the entry's verifier accepts", async (format) => {
    const { privateKey, publicKey } = rsaPair(2048);
    const key = await signed(pem(privateKey, format));
    expect(key.format).toBe(format);
    expect(key.bits).toBe(2048);
    expect(key.kid).toBe(await kidOf(publicKey));
    // The signing key cannot be exported again from the page.
    expect(key.key.extractable).toBe(false);

    const now = new Date("2026-12-01T14:05:30Z");
    const iat = Math.floor(now.getTime() / 1000);
    const token = await signJwt(key.key, { alg: "RS256", typ: "JWT", kid: key.kid }, { displayName: "Zoë Ünicode 👩‍💻", roles: ["host"], jti: "j-1", iat, exp: iat + 300 });
    const result = await verifyAttendeeToken(token, {
      keys: [{ id: "k", kid: key.kid, status: "active", publicKey }],
      policy: POLICY,
      features: { transcription: false, interpretation: false },
      now,
    });
    expect(result).toMatchObject({ ok: true, kid: key.kid, jti: "j-1", claims: { displayName: "Zoë Ünicode 👩‍💻", roles: ["host"] } });
    expect(await sha256Hex(subtle, token)).toBe(tokenHash(token));
  });

  it("accepts CRLF line ends, surrounding text and a 3072-bit key", async () => {
    const { privateKey } = rsaPair(3072);
    const text = `my key:\r\n${pem(privateKey, "pkcs1").replace(/\n/g, "\r\n")}\r\n`;
    expect((await signed(text)).bits).toBe(3072);
  });

  it("refuses what is not a usable unencrypted RSA private key, saying what to do", async () => {
    const { privateKey, publicKey } = rsaPair(2048);
    const cases: Array<[string, RegExp]> = [
      ["", /Paste the private key/],
      [publicKey.export({ type: "spki", format: "pem" }).toString(), /public key/],
      [publicKey.export({ type: "pkcs1", format: "pem" }).toString(), /public key/],
      ["-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n", /OpenSSH/],
      [pem(privateKey, "pkcs8", { cipher: "aes-256-cbc", passphrase: "secret" }), /passphrase/],
      [pem(privateKey, "pkcs1", { cipher: "aes-256-cbc", passphrase: "secret" }), /passphrase/],
      [pem(privateKey, "pkcs1") + pem(privateKey, "pkcs1"), /2 PEM blocks/],
      ['{"kty":"RSA","n":"x","e":"AQAB","d":"y"}', /JWK/],
      ["hello", /not a PEM private key/],
      [pem(privateKey, "pkcs1").replace(/[A-Za-z0-9]{10}\n/, "!!!\n"), /damaged/],
      ["x".repeat(17 * 1024), /16 KB/],
    ];
    for (const [text, message] of cases) {
      const outcome = await importPrivateKey(subtle, text);
      expect(outcome.ok, text.slice(0, 40)).toBe(false);
      if (!outcome.ok) expect(outcome.error.message, text.slice(0, 40)).toMatch(message);
    }
    const encrypted = readPrivateKeyPem(pem(privateKey, "pkcs1", { cipher: "aes-256-cbc", passphrase: "secret" }));
    expect(encrypted.ok === false && encrypted.error.command).toContain("openssl rsa");
  });

  it("refuses EC keys, small keys and keys whose exponent the event would never accept", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    expect(await importPrivateKey(subtle, pem(ec, "pkcs8"))).toMatchObject({ ok: false });
    expect(await importPrivateKey(subtle, ec.export({ type: "sec1", format: "pem" }).toString())).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not an RSA key/) } });
    expect(await importPrivateKey(subtle, pem(rsaPair(1024).privateKey, "pkcs1"))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/1024 bits/) } });
    expect(await importPrivateKey(subtle, pem(rsaPair(2048, 3).privateKey, "pkcs1"))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/65537/) } });
  });
});
