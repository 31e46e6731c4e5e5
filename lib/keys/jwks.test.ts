import { createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fakeModulusJwk, rsaPair, spkiPem } from "@/test/keys";
import { toJwks } from "./jwks";
import { importVerificationKey } from "./rsa-policy";

describe("public JWKS", () => {
  const a = rsaPair(2048).publicKey;
  const b = rsaPair(3072).publicKey;

  it("publishes active and retired keys with public members only, never standby or revoked", () => {
    const jwks = toJwks([
      { kid: "a", status: "active", publicKeyPem: spkiPem(a) },
      { kid: "b", status: "retired", publicKeyPem: spkiPem(b) },
      { kid: "c", status: "standby", publicKeyPem: spkiPem(a) },
      { kid: "d", status: "revoked", publicKeyPem: spkiPem(b) },
    ]);
    expect(jwks.keys.map((k) => k.kid)).toEqual(["a", "b"]);
    for (const key of jwks.keys) expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", e: "AQAB", alg: "RS256", use: "sig", n: a.export({ format: "jwk" }).n });
  });

  it("leaves out a stored key that is not an SPKI public key or fails the policy", () => {
    const { privateKey } = rsaPair(2048);
    const weak = spkiPem(createPublicKey({ key: fakeModulusJwk(2048, "Aw"), format: "jwk" }));
    const jwks = toJwks([
      { kid: "private", status: "active", publicKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
      { kid: "e3", status: "active", publicKeyPem: weak },
    ]);
    expect(jwks.keys).toEqual([]);
    expect(() => importVerificationKey(weak)).toThrow(/exponent is 3/);
  });
});
