import { apiRoute } from "@/lib/api/handler";
import { presentEvent, presentPage } from "@/lib/api/present";
import { appUrl } from "@/lib/env";
import { createEvent, listEvents } from "@/lib/events/service";

export const GET = apiRoute("listEvents", async ({ ctx, query }) => {
  const { page, pageSize, q, sort, dir } = query;
  const result = await listEvents(ctx, { q, sort, dir, page, pageSize, filters: {} });
  return { body: presentPage(result, (event) => presentEvent(event, appUrl())) };
});

export const POST = apiRoute("createEvent", async ({ ctx, body }) => {
  const event = await createEvent(ctx, body);
  return { status: 201, body: { data: presentEvent(event, appUrl()) } };
});
