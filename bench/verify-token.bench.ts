// RSA-2048 verification of one attendee token, three ways, in one run:
// our full verifier (format, header, key choice, jose RS256, claims), bare jose jwtVerify, raw crypto.verify.
import { createPublicKey, verify } from "node:crypto";
import { jwtVerify } from "jose";
import { bench, describe } from "vitest";
import { claims, context, signToken, verificationKey, NOW } from "@/test/tokens";
import { keyPair } from "@/test/keys";
import { verifyAttendeeToken } from "@/lib/tokens/verify-token";

const token = signToken(claims({ roles: ["presenter"], jti: "bench-1" }));
const noKidToken = signToken(claims(), { signer: "b", header: { alg: "RS256", typ: "JWT" } });
const publicKey = keyPair("a").publicKey;
const pem = publicKey.export({ type: "spki", format: "pem" }) as string;
const ctx = context({ keys: [verificationKey("a")] });
const rotationCtx = context({ keys: [verificationKey("a"), verificationKey("b", "retired")] });
const [header, payload, signature] = token.split(".") as [string, string, string];
const signingInput = Buffer.from(`${header}.${payload}`);
const signatureBytes = Buffer.from(signature, "base64url");

async function mustPass(result: Promise<{ ok: boolean } | unknown>) {
  const value = (await result) as { ok?: boolean; payload?: unknown };
  if (value.ok === false) throw new Error("benchmark token did not verify");
}

// Long runs: the figures are read off a shared 2-core machine.
const options = { time: 3000, warmupTime: 500 };

describe("verify one RS256 token (RSA-2048)", () => {
  bench("verifyAttendeeToken (kid, 1 key)", async () => {
    await mustPass(verifyAttendeeToken(token, ctx));
  }, options);
  bench("jose jwtVerify (KeyObject, algorithms RS256)", async () => {
    await jwtVerify(token, publicKey, { algorithms: ["RS256"], currentDate: NOW });
  }, options);
  bench("crypto.verify (raw signature only)", () => {
    if (!verify("sha256", signingInput, publicKey, signatureBytes)) throw new Error("raw signature did not verify");
  }, options);
  bench("verifyAttendeeToken (no kid, retired key 2nd of 2)", async () => {
    await mustPass(verifyAttendeeToken(noKidToken, rotationCtx));
  }, options);
  bench("verifyAttendeeToken + PEM import per request (what the key cache avoids)", async () => {
    const key = { ...verificationKey("a"), publicKey: createPublicKey(pem) };
    await mustPass(verifyAttendeeToken(token, { ...ctx, keys: [key] }));
  }, options);
});
