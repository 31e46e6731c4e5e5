import { apiRoute } from "@/lib/api/handler";
import { presentProfileField } from "@/lib/api/present";
import { listProfileFields, replaceProfileFields } from "@/lib/profile/service";

export const GET = apiRoute("listProfileFields", async ({ ctx, params }) => ({
  body: { data: (await listProfileFields(ctx, params.slug!)).map(presentProfileField) },
}));

export const PUT = apiRoute("replaceProfileFields", async ({ ctx, params, body }) => ({
  body: { data: (await replaceProfileFields(ctx, params.slug!, body.fields)).map(presentProfileField) },
}));
