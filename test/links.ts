import type { TenantContext } from "@/lib/tenancy/context";
import { generateKey } from "@/lib/keys/service";
import type { IssueLinkInput } from "@/lib/links/schema";

/** An active generated key whose private key the dashboard keeps, so it can sign test links. */
export async function addKeptKey(ctx: TenantContext, eventSlug: string) {
  const generated = await generateKey(ctx, { eventSlug, bits: 2048, privateKeyFormat: "pkcs1", keepPrivateKey: true, label: "Kept", activate: true });
  return { keyId: generated.key.id, kid: generated.key.kid, privateKeyPem: generated.privateKey.pem };
}

/** The issue form's input for a link, with the schema's defaults. */
export function linkInput(eventSlug: string, overrides: Partial<IssueLinkInput> = {}): IssueLinkInput {
  return {
    eventSlug,
    displayName: "Larry David",
    email: "",
    avatarUrl: "",
    userProfile: [],
    roles: [],
    kind: "one_off",
    lifetimeSeconds: null,
    confirmHostLongLived: false,
    keyId: null,
    ...overrides,
  };
}
