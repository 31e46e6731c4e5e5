import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import type { TenantContext } from "@/lib/tenancy/context";
import { uploadPublicKey } from "@/lib/keys/service";

export interface TestKeyPair {
  privateKey: KeyObject;
  publicPem: string;
  kid: string;
  keyId: string;
}

/** A real RSA-2048 pair whose public key is added (active) to the event, as an admin would paste it. */
export async function addActiveKey(ctx: TenantContext, eventSlug: string): Promise<TestKeyPair> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const { key } = await uploadPublicKey(ctx, { eventSlug, publicKey: publicPem, label: null, activate: true });
  return { privateKey, publicPem, kid: key.kid, keyId: key.id };
}

/** Signs attendee claims the way a host platform would (RS256, kid, iat/exp). */
export async function signAttendeeToken(
  key: Pick<TestKeyPair, "privateKey" | "kid">,
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
