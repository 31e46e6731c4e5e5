import { apiRoute } from "@/lib/api/handler";
import { inspectTokenForEvent } from "@/lib/api/inspect-token";
import { inspectTokenBodySchema } from "@/lib/api/request-bodies";

export const POST = apiRoute("inspectToken", { role: "viewer", body: inspectTokenBodySchema }, async ({ ctx, params, body }) => ({
  body: { data: await inspectTokenForEvent(ctx, params.slug!, body.token) },
}));
