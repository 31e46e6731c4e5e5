import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { KeyRefusedError } from "./errors";
import { parsePublicKey } from "./parse-public-key";

/**
 * Project Wycheproof's RSA and JWS vectors (../shared/vectors, see its README): their e = 3 keys must
 * be refused at import, their e = 65537 keys accepted, and their private JWKs refused as private.
 */
const VECTORS = resolve(process.cwd(), "../shared/vectors");
const present = existsSync(resolve(VECTORS, "rsa_signature_2048_sha256_test.json"));
if (!present) console.warn(`[keys] ${VECTORS} is absent: the Wycheproof key-policy tests are skipped.`);

interface RsaGroup {
  keySize: number;
  publicKeyPem: string;
  publicKey: { publicExponent: string };
  keyJwk?: Record<string, string>;
}
interface JwsGroup {
  comment: string;
  private?: Record<string, unknown>;
  public?: Record<string, unknown>;
}

const load = <T>(file: string): T[] => (JSON.parse(readFileSync(resolve(VECTORS, file), "utf8")) as { testGroups: T[] }).testGroups;

async function outcome(input: string): Promise<string> {
  try {
    return `accepted ${(await parsePublicKey(input)).bits}`;
  } catch (error) {
    if (error instanceof KeyRefusedError) return error.reason;
    throw error;
  }
}

describe.skipIf(!present)("Wycheproof vectors", () => {
  it("refuses every e = 3 key and accepts every e = 65537 key, as PEM and as JWK", async () => {
    let refused = 0;
    for (const file of ["rsa_signature_2048_sha256_test.json", "rsa_signature_3072_sha256_test.json"]) {
      for (const group of load<RsaGroup>(file)) {
        const e = group.publicKey.publicExponent;
        const expected = e === "010001" ? `accepted ${group.keySize}` : "bad_exponent";
        expect(await outcome(group.publicKeyPem), `${file} e=${e}`).toBe(expected);
        if (group.keyJwk) {
          const { kty, n, e: exponent } = group.keyJwk;
          expect(await outcome(JSON.stringify({ kty, n, e: exponent })), `${file} JWK e=${e}`).toBe(expected);
        }
        if (expected === "bad_exponent") refused++;
      }
    }
    expect(refused).toBe(3);
  });

  it("accepts the RS256 public JWKs, refuses other algorithms and every private or secret JWK", async () => {
    const groups = load<JwsGroup>("json_web_signature_test.json");
    const seen = new Set<string>();
    for (const group of groups) {
      if (group.private) {
        expect(await outcome(JSON.stringify(group.private)), `${group.comment} private`).toBe("private_key");
        seen.add("private");
      }
      const pub = group.public;
      if (!pub) continue;
      const expected =
        pub.kty !== "RSA" ? "not_rsa" : pub.alg !== undefined && pub.alg !== "RS256" ? "wrong_use" : pub.use === "enc" ? "wrong_use" : Array.isArray(pub.key_ops) && !pub.key_ops.includes("verify") ? "wrong_use" : "accepted 2048";
      expect(await outcome(JSON.stringify(pub)), `${group.comment} public ${String(pub.alg)}`).toBe(expected);
      seen.add(expected);
    }
    expect([...seen].sort()).toEqual(["accepted 2048", "not_rsa", "private", "wrong_use"]);
  });
});
