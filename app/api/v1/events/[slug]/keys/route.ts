import { apiRoute } from "@/lib/api/handler";
import { addKeyBodySchema } from "@/lib/api/request-bodies";
import { addEventKey, eventKeys } from "@/lib/api/signing-keys";

export const GET = apiRoute("listKeys", { role: "viewer" }, async ({ ctx, params }) => {
  const { data, health, jwksSource } = await eventKeys(ctx, params.slug!);
  return { body: { data, health, jwksSource } };
});

export const POST = apiRoute("addKey", { role: "admin", body: addKeyBodySchema }, async ({ ctx, params, body }) => ({
  status: 201,
  body: await addEventKey(ctx, params.slug!, body),
}));
