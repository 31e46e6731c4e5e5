"use server";

import { orgAction } from "./safe-action";
import { generateKeySchema, keyTransitionSchema, uploadPublicKeySchema } from "@/lib/keys/schema";
import { changeKeyStatus, generateKey, uploadPublicKey } from "@/lib/keys/service";
import { setJwksUrlSchema, stopJwksUrlSchema } from "@/lib/keys/jwks-url/schema";
import { setJwksUrl } from "@/lib/keys/jwks-url/service";

/** Key actions (admins only). Results carry identity and state; only generate returns key material: the one-time private key download. */
export const generateKeyAction = orgAction("generateKey", { schema: generateKeySchema, role: "admin" }, async (input, ctx) => generateKey(ctx, input));

export const uploadPublicKeyAction = orgAction("uploadPublicKey", { schema: uploadPublicKeySchema, role: "admin" }, async (input, ctx) =>
  uploadPublicKey(ctx, input),
);

export const activateKeyAction = orgAction("activateKey", { schema: keyTransitionSchema, role: "admin" }, async (input, ctx) =>
  changeKeyStatus(ctx, input, "activate"),
);

export const retireKeyAction = orgAction("retireKey", { schema: keyTransitionSchema, role: "admin" }, async (input, ctx) =>
  changeKeyStatus(ctx, input, "retire"),
);

export const revokeKeyAction = orgAction("revokeKey", { schema: keyTransitionSchema, role: "admin" }, async (input, ctx) =>
  changeKeyStatus(ctx, input, "revoke"),
);

export const setJwksUrlAction = orgAction("setJwksUrl", { schema: setJwksUrlSchema, role: "admin" }, async (input, ctx) => {
  const trial = await setJwksUrl(ctx, input.eventSlug, input.jwksUrl);
  return { accepted: trial?.accepted ?? [], refused: trial?.refused ?? [], url: trial?.url ?? null };
});

export const stopJwksUrlAction = orgAction("stopJwksUrl", { schema: stopJwksUrlSchema, role: "admin" }, async (input, ctx) => {
  await setJwksUrl(ctx, input.eventSlug, null);
  return { stopped: true };
});
