import { apiRoute } from "@/lib/api/handler";
import { addEventKey, eventKeys } from "@/lib/api/signing-keys";

export const GET = apiRoute("listKeys", async ({ ctx, params }) => {
  const { data, health, jwksSource } = await eventKeys(ctx, params.slug!);
  return { body: { data, health, jwksSource } };
});

export const POST = apiRoute("addKey", async ({ ctx, params, body }) => ({
  status: 201,
  body: await addEventKey(ctx, params.slug!, body),
}));
