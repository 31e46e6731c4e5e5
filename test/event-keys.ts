import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { TenantContext } from "@/lib/tenancy/context";
import { uploadPublicKey } from "@/lib/keys/service";

/** A key on an event, with its private half for signing tokens in tests. */
export interface EventTestKey {
  privateKey: KeyObject;
  publicPem: string;
  kid: string;
  keyId: string;
}

/**
 * A new RSA-2048 pair whose public key is added (active) to the event, as an admin would paste it.
 * Generated afresh, not cached: two keys of one event must differ.
 */
export async function addActiveKey(ctx: TenantContext, eventSlug: string): Promise<EventTestKey> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const { key } = await uploadPublicKey(ctx, { eventSlug, publicKey: publicPem, label: null, activate: true });
  return { privateKey, publicPem, kid: key.kid, keyId: key.id };
}
