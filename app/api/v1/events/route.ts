import { apiRoute, parseQuery, paginationQuerySchema } from "@/lib/api/handler";
import { presentEvent } from "@/lib/api/present";
import { appUrl } from "@/lib/env";
import { createEventBodySchema, EVENT_SORTS } from "@/lib/events/schema";
import { createEvent, listEvents } from "@/lib/events/service";
import { parseListParams } from "@/lib/tables/list-params";

export const GET = apiRoute("listEvents", { role: "viewer" }, async ({ ctx, query }) => {
  const { page, pageSize } = parseQuery(paginationQuerySchema, query);
  const list = parseListParams(Object.fromEntries(query.entries()), { sortable: EVENT_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const result = await listEvents(ctx, { ...list, page, pageSize });
  return {
    body: {
      data: result.rows.map((event) => presentEvent(event, appUrl())),
      pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
    },
  };
});

export const POST = apiRoute("createEvent", { role: "admin", body: createEventBodySchema }, async ({ ctx, body }) => {
  const event = await createEvent(ctx, body);
  return { status: 201, body: { data: presentEvent(event, appUrl()) } };
});
