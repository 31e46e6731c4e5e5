// Tokens for tests: hand-made tokens (any header, any payload), verifier contexts, a frozen clock,
// and tokens signed the way a host platform would.
import { createHmac, randomUUID, sign, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import type { TokenPolicy, VerificationKey, VerifyContext } from "@/lib/tokens/types";
import { keyPair } from "./keys";

/** 1 Dec 2026, 14:05:30 UTC: every test reads this clock, never the real one. */
export const NOW = new Date("2026-12-01T14:05:30Z");
export const NOW_S = Math.floor(NOW.getTime() / 1000);

export function verificationKey(name: string, status: VerificationKey["status"] = "active", kid = `kid-${name}`): VerificationKey {
  return { id: `key-${name}`, kid, status, publicKey: keyPair(name).publicKey };
}

export const POLICY: TokenPolicy = {
  requireExp: true,
  leewaySeconds: 60,
  oneOffLifetimeSeconds: 300,
  longLivedMaxSeconds: 7 * 86400,
  rejectTokensIssuedBefore: null,
};

export function context(overrides: Partial<Omit<VerifyContext, "policy">> & { policy?: Partial<TokenPolicy> } = {}): VerifyContext {
  return {
    keys: overrides.keys ?? [verificationKey("a")],
    policy: { ...POLICY, ...overrides.policy },
    features: overrides.features ?? { transcription: false, interpretation: false },
    now: overrides.now ?? NOW,
  };
}

export const b64url = (text: string | Uint8Array) => Buffer.from(text).toString("base64url");

/** The doc's example attendee, issued now for 300 s. */
export function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName: "Larry David",
    email: "larry@example.com",
    userProfile: [
      ["organization", "Seinfield"],
      ["title", "Producer"],
      ["interests", "comedy"],
    ],
    iat: NOW_S,
    exp: NOW_S + 300,
    ...extra,
  };
}

export interface SignOptions {
  /** Key pair name (see keyPair) used to sign; default "a". */
  signer?: string;
  /** Header object or raw JSON text (raw text lets a test write duplicate keys). */
  header?: Record<string, unknown> | string;
  /** Node's digest for RSASSA-PKCS1-v1_5; default sha256. */
  digest?: "sha256" | "sha384" | "sha512";
}

/** A compact JWS signed with RSASSA-PKCS1-v1_5, with whatever header and payload the test wants. */
export function signToken(payload: Record<string, unknown> | string, options: SignOptions = {}): string {
  const header = options.header ?? { alg: "RS256", typ: "JWT", kid: `kid-${options.signer ?? "a"}` };
  const input = `${b64url(typeof header === "string" ? header : JSON.stringify(header))}.${b64url(typeof payload === "string" ? payload : JSON.stringify(payload))}`;
  const signature = sign(options.digest ?? "sha256", Buffer.from(input), keyPair(options.signer ?? "a").privateKey);
  return `${input}.${b64url(signature)}`;
}

/** HS256 over the token with `secret` as the HMAC key. */
export function signHs256(payload: Record<string, unknown>, secret: string | Uint8Array, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(createHmac("sha256", secret).update(input).digest())}`;
}

/** The same token with its payload replaced and the original signature kept. */
export function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  return `${header}.${b64url(JSON.stringify(payload))}.${signature}`;
}

/** Signs attendee claims the way a host platform would (RS256, kid, iat/exp). */
export async function signAttendeeToken(
  key: { privateKey: KeyObject; kid: string },
  claims: Record<string, unknown> = { displayName: "Larry David" },
  options: { now?: Date; lifetimeSeconds?: number; jti?: string | null; kid?: boolean } = {},
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const jwt = new SignJWT({ displayName: "Test Attendee", ...claims })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", ...(options.kid === false ? {} : { kid: key.kid }) })
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetimeSeconds ?? 300));
  if (options.jti !== null) jwt.setJti(options.jti ?? randomUUID());
  return jwt.sign(key.privateKey);
}
