import { apiRoute } from "@/lib/api/handler";
import { presentEvent } from "@/lib/api/present";
import { appUrl } from "@/lib/env";
import { patchEventSchema } from "@/lib/events/schema";
import { deleteEvent, getEvent, patchEvent } from "@/lib/events/service";

export const GET = apiRoute("getEvent", { role: "viewer" }, async ({ ctx, params }) => ({
  body: { data: presentEvent(await getEvent(ctx, params.slug!), appUrl()) },
}));

export const PATCH = apiRoute("updateEvent", { role: "admin", body: patchEventSchema }, async ({ ctx, params, body }) => ({
  body: { data: presentEvent(await patchEvent(ctx, params.slug!, body), appUrl()) },
}));

export const DELETE = apiRoute("deleteEvent", { role: "admin" }, async ({ ctx, params }) => {
  const { slug } = await deleteEvent(ctx, params.slug!, params.slug!);
  return { body: { data: { deleted: true, slug } } };
});
