// Project Wycheproof's JWS vectors (../shared/vectors, see its README) against our signature layer.
import { createPublicKey, type JsonWebKey } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { context } from "@/test/tokens";
import { parseCompactJws } from "./parse-token";
import { checkAlgorithm, verifySignature } from "./signature";
import type { VerificationKey } from "./types";
import { verifyAttendeeToken } from "./verify-token";

const root = fileURLToPath(new URL("../..", import.meta.url));
const vectorsDir = process.env.WYCHEPROOF_DIR ?? path.resolve(root, "../shared/vectors");
const vectorsFile = path.join(vectorsDir, "json_web_signature_test.json");
const present = fs.existsSync(vectorsFile);
if (!present) console.warn(`Wycheproof JWS vectors skipped: ${vectorsFile} not found (set WYCHEPROOF_DIR to the folder holding json_web_signature_test.json)`);

interface Vector {
  tcId: number;
  comment: string;
  jws: unknown;
  result: "valid" | "invalid" | "acceptable";
}
interface Group {
  comment: string;
  public?: JsonWebKey & { alg?: string; kid?: string };
  private?: JsonWebKey & { alg?: string; kid?: string };
  tests: Vector[];
}

/** The signature layer alone (format, algorithm, key choice, RS256), as verifyAttendeeToken runs it: these payloads are not JWT claims. */
async function verifyJwsSignature(token: unknown, keys: readonly VerificationKey[]) {
  const parsed = parseCompactJws(token);
  if (!parsed.ok) return parsed;
  const alg = checkAlgorithm(parsed.value.header);
  if (!alg.ok) return alg;
  return verifySignature(token as string, parsed.value, keys);
}

const groups: Group[] = present ? (JSON.parse(fs.readFileSync(vectorsFile, "utf8")) as { testGroups: Group[] }).testGroups : [];

/** The group's public RSA key as the event would hold it (keys with e ≠ 65537 never get this far: lib/keys refuses them). */
function eventKey(group: Group): VerificationKey | null {
  const jwk = group.public;
  if (!jwk || jwk.kty !== "RSA") return null;
  const { n, e } = jwk;
  return { id: `wycheproof-${jwk.kid}`, kid: String(jwk.kid), status: "active", publicKey: createPublicKey({ key: { kty: "RSA", n, e }, format: "jwk" }) };
}

// "group rs256": the vectors for RS256 signatures (plus RFC 7520's RS256 example).
const rs256Groups = groups.filter((g) => g.public?.alg === "RS256" && g.public.kty === "RSA");
// These test a JWK's "use"/"key_ops" (an encryption key must not verify). A KeyObject carries no such
// metadata: whether an uploaded key may sign is decided when lib/keys imports it, not here.
// The same holds for a key whose JWK declares another algorithm ("alg": "PS512") and a token that uses it
// for RS256 anyway: to this product every event key is an RS256 key.
const keyMetadataGroups = groups.filter((g) => g.public?.use === "enc" || (Array.isArray(g.public?.key_ops) && !(g.public.key_ops as string[]).includes("verify")));
function headerAlg(jws: unknown): unknown {
  if (typeof jws !== "string") return undefined;
  try {
    return (JSON.parse(Buffer.from(jws.split(".")[0] ?? "", "base64url").toString("utf8")) as { alg?: unknown }).alg;
  } catch {
    return undefined;
  }
}
const isKeyMetadataVector = (group: Group, vector: Vector) =>
  headerAlg(vector.jws) === "RS256" && (keyMetadataGroups.includes(group) || (group.public?.kty === "RSA" && group.public.alg !== "RS256"));

describe.skipIf(!present)("Wycheproof JWS vectors", () => {
  it("has the RS256 groups", () => {
    expect(rs256Groups.map((g) => g.comment)).toEqual(["rs256", "rs256", "rfc7520", "rfc7520WithKeyOps"]);
    expect(rs256Groups.reduce((n, g) => n + g.tests.length, 0)).toBe(233);
  });

  for (const group of rs256Groups) {
    const key = eventKey(group)!;
    it(`${group.comment} (${group.public?.kid}): valid vectors verify, invalid ones do not`, async () => {
      let valid = 0;
      for (const vector of group.tests) {
        const outcome = await verifyJwsSignature(vector.jws, [key]);
        if (vector.result === "valid") {
          valid++;
          expect(outcome, `tcId ${vector.tcId} ${vector.comment}`).toMatchObject({ ok: true });
        } else if (vector.result === "invalid") {
          expect(outcome.ok, `tcId ${vector.tcId} ${vector.comment}`).toBe(false);
        }
        // Their payloads are not attendee claims: the full verifier never signs anyone in with them.
        expect((await verifyAttendeeToken(vector.jws, context({ keys: [key] }))).ok, `tcId ${vector.tcId}`).toBe(false);
      }
      expect(valid).toBeGreaterThan(0);
    });
  }

  it("every other vector (HS256, ES256, PS256, RS384, RS512, JSON serialization…) is refused, valid or not", async () => {
    const fallback = eventKey(rs256Groups[0]!)!;
    let checked = 0;
    let metadataOnly = 0;
    for (const group of groups.filter((g) => !rs256Groups.includes(g))) {
      const keys = [eventKey(group) ?? fallback];
      for (const vector of group.tests) {
        if (isKeyMetadataVector(group, vector)) {
          metadataOnly++;
          continue;
        }
        const outcome = await verifyJwsSignature(vector.jws, keys);
        expect(outcome.ok, `${group.comment} tcId ${vector.tcId} ${vector.comment}`).toBe(false);
        checked++;
      }
    }
    expect(metadataOnly).toBe(3); // tcId 332 (PS512 key), 353 and 355 (encryption key)
    expect(checked).toBe(groups.reduce((n, g) => n + g.tests.length, 0) - 233 - metadataOnly);
  });
});
