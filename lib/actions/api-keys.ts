"use server";

import { orgAction } from "./safe-action";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schema";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";

/** The full key is in this one response, to be shown once; only its hash is stored. */
export const createApiKeyAction = orgAction("createApiKey", { schema: createApiKeySchema, role: "admin" }, async (input, ctx) =>
  createApiKey(ctx, input),
);

export const revokeApiKeyAction = orgAction("revokeApiKey", { schema: revokeApiKeySchema, role: "admin" }, async (input, ctx) => {
  await revokeApiKey(ctx, input.apiKeyId);
  return { ok: true as const };
});
