import { sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rsaPair, spkiPem } from "@/test/keys";
import { claims, context } from "@/test/tokens";
import { verifyAttendeeToken } from "@/lib/tokens/verify-token";
import { KeyRefusedError } from "./errors";
import { toJwks } from "./jwks";
import { kidConflict, type KidHolder } from "./kid-conflicts";
import { parsePublicKey } from "./parse-public-key";
import { importVerificationKey } from "./rsa-policy";

const { publicKey, privateKey } = rsaPair(2048);
const jwk = publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string };

async function refusal(input: string): Promise<KeyRefusedError> {
  try {
    await parsePublicKey(input);
  } catch (error) {
    if (error instanceof KeyRefusedError) return error;
    throw error;
  }
  throw new Error("accepted");
}

/** A token as PyJWT / jsonwebtoken make it: RS256 with the host's kid in the header. */
function hostToken(kid: string) {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT", kid })}.${part(claims())}`;
  return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}

describe("the kid a host's key already has", () => {
  it("is kept beside the RFC 7638 thumbprint when a JWKS with the host's kid is pasted", async () => {
    const parsed = await parsePublicKey(JSON.stringify({ keys: [{ ...jwk, kid: "host-2026-q4", alg: "RS256", use: "sig" }] }));
    expect(parsed.hostKid).toBe("host-2026-q4");
    expect(parsed.kid).not.toBe("host-2026-q4");
    expect(parsed.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is not kept twice when the host's kid is the thumbprint, nor invented for PEM keys", async () => {
    const plain = await parsePublicKey(spkiPem(publicKey));
    expect(plain.hostKid).toBeNull();
    const same = await parsePublicKey(JSON.stringify({ ...jwk, kid: plain.kid }));
    expect(same.hostKid).toBeNull();
  });

  it("refuses a kid no token header could carry", async () => {
    expect((await refusal(JSON.stringify({ ...jwk, kid: "x".repeat(129) }))).message).toMatch(/"kid" is 129 characters long/);
    expect((await refusal(JSON.stringify({ ...jwk, kid: "" }))).message).toMatch(/"kid" is empty/);
    expect((await refusal(JSON.stringify({ ...jwk, kid: 7 }))).message).toMatch(/"kid" is not a string/);
  });

  it("lets a PyJWT-style token naming the host's kid sign in (it was unknown_key before)", async () => {
    const key = { id: "k1", kid: "thumbprint-of-k1", hostKid: "host-2026-q4", status: "active" as const, publicKey };
    const result = await verifyAttendeeToken(hostToken("host-2026-q4"), context({ keys: [key] }));
    expect(result).toMatchObject({ ok: true, keyId: "k1", kid: "thumbprint-of-k1" });
    const byThumbprint = await verifyAttendeeToken(hostToken("thumbprint-of-k1"), context({ keys: [key] }));
    expect(byThumbprint.ok).toBe(true);
    const other = await verifyAttendeeToken(hostToken("host-2025-q4"), context({ keys: [key] }));
    expect(other).toMatchObject({ ok: false, reason: "unknown_key" });
  });

  it("is published in the event's JWKS as the kid, with the thumbprint beside it", () => {
    const jwks = toJwks([
      { kid: "tp-a", hostKid: "host-2026-q4", status: "active", publicKeyPem: spkiPem(publicKey) },
      { kid: "tp-b", hostKid: null, status: "active", publicKeyPem: spkiPem(publicKey) },
    ]);
    expect(jwks.keys[0]).toMatchObject({ kid: "host-2026-q4", "x-rfc7638-thumbprint": "tp-a" });
    expect(jwks.keys[1]!.kid).toBe("tp-b");
    expect(jwks.keys[1]).not.toHaveProperty("x-rfc7638-thumbprint");
  });
});

describe("two keys of one event never share a kid", () => {
  const other: KidHolder = { kid: "tp-other", hostKid: "host-2026-q3", status: "active", label: "Auth0 Q3", source: "uploaded", createdAt: new Date("2026-11-02T10:00:00Z") };

  it("refuses a new key whose host kid is another key's host kid, naming that key", () => {
    const conflict = kidConflict({ kid: "tp-new", hostKid: "host-2026-q3" }, [other]);
    expect(conflict?.reason).toBe("duplicate_kid");
    expect(conflict?.message).toContain("“host-2026-q3” already names key tp-other kid “host-2026-q3” “Auth0 Q3” (active, added 2 Nov 2026");
  });

  it("refuses a host kid equal to another key's thumbprint, and a thumbprint equal to another's host kid", () => {
    expect(kidConflict({ kid: "tp-new", hostKid: "tp-other" }, [other])?.reason).toBe("duplicate_kid");
    expect(kidConflict({ kid: "host-2026-q3", hostKid: null }, [other])?.reason).toBe("duplicate_kid");
  });

  it("calls the same key again a duplicate, and lets distinct kids through", () => {
    expect(kidConflict({ kid: "tp-other", hostKid: "anything" }, [other])?.reason).toBe("duplicate");
    expect(kidConflict({ kid: "tp-new", hostKid: "host-2026-q4" }, [other])).toBeNull();
  });
});

describe("degenerate keys", () => {
  it("refuses an even modulus, in every format", async () => {
    const n = Buffer.from(jwk.n, "base64url");
    n[n.length - 1]! &= 0xfe;
    const even = { kty: "RSA", n: n.toString("base64url"), e: "AQAB" };
    const error = await refusal(JSON.stringify(even));
    expect(error.reason).toBe("degenerate");
    expect(error.message).toMatch(/modulus is an even number/);
    const { createPublicKey } = await import("node:crypto");
    const pem = spkiPem(createPublicKey({ key: even, format: "jwk" }));
    expect((await refusal(pem)).reason).toBe("degenerate");
    expect(() => importVerificationKey(pem)).toThrow(/even number/);
  });

  it("refuses a JWK whose e has leading zero bytes (65537 written as AAEAAQ)", async () => {
    const error = await refusal(JSON.stringify({ ...jwk, e: "AAEAAQ" }));
    expect(error.reason).toBe("degenerate");
    expect(error.message).toMatch(/starts with zero bytes/);
  });
});
