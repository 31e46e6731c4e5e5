import { createPublicKey, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { exportPrivateKeyPem, generateSigningKeyPair, privateKeyFileName } from "./generate";
import { parsePublicKey } from "./parse-public-key";

describe("key generation", () => {
  it("makes a 2048-bit RSA pair with e = 65537 whose identity matches a paste of its public key", async () => {
    const { identity, privateKey } = await generateSigningKeyPair(2048);
    expect(identity.bits).toBe(2048);
    expect(createPublicKey(privateKey).asymmetricKeyDetails).toEqual({ modulusLength: 2048, publicExponent: 65537n });
    const pasted = await parsePublicKey(identity.spkiPem);
    expect(pasted.kid).toBe(identity.kid);
    expect(pasted.fingerprint).toBe(identity.fingerprint);
  });

  it("offers the private key as PKCS#1 (what ssh-keygen -m PEM writes) or PKCS#8, both matching the public key", async () => {
    const { identity, privateKey } = await generateSigningKeyPair(2048);
    const pkcs1 = exportPrivateKeyPem(privateKey, "pkcs1");
    const pkcs8 = exportPrivateKeyPem(privateKey, "pkcs8");
    expect(pkcs1).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n$/);
    expect(pkcs8).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    for (const pem of [pkcs1, pkcs8]) {
      const signature = sign("sha256", Buffer.from("token"), pem);
      expect(verify("sha256", Buffer.from("token"), identity.spkiPem, signature)).toBe(true);
    }
  });

  it("does not block the event loop while a 3072-bit key is generated", async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 5);
    const started = performance.now();
    await generateSigningKeyPair(3072);
    const took = performance.now() - started;
    clearInterval(timer);
    // Generation takes hundreds of ms; the 5 ms timer kept firing throughout (a synchronous
    // generation fires it at most once). Counted, not timed per gap, so a loaded machine does not flake it.
    expect(took).toBeGreaterThan(50);
    expect(gaps.length).toBeGreaterThan(took / 50);
  });

  it("refuses sizes other than 2048, 3072 and 4096", async () => {
    await expect(generateSigningKeyPair(1024 as 2048)).rejects.toMatchObject({ code: "VALIDATION", field: "bits" });
    await expect(generateSigningKeyPair(8192 as 2048)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("names the download after the event and the kid", () => {
    expect(privateKeyFileName("spring-summit", "f5VfsN8pj3d6Koj0xo1p5rRKwG1kwlToLSrgw1wfxhk")).toBe("spring-summit-f5VfsN8p.key");
  });
});
