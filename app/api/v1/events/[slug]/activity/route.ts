import { apiRoute } from "@/lib/api/handler";
import { presentPage } from "@/lib/api/present";
import { attemptsForExport, listAttempts } from "@/lib/activity/queries";
import { attemptsCsv, presentAttempt } from "@/lib/activity/present";
import { tenantEvent } from "@/lib/events/scope";
import { csvHeaders, wantsCsv } from "@/lib/tables/csv-http";

export const GET = apiRoute("listAttempts", async ({ ctx, params, query, request }) => {
  const { page, pageSize, from, to, ...filters } = query;
  const event = await tenantEvent(ctx, params.slug!);
  const now = new Date();
  if (wantsCsv(request)) {
    return new Response(attemptsCsv(await attemptsForExport(event.id, filters, { from, to }), now), { headers: csvHeaders(`${event.slug}-activity.csv`) });
  }
  const result = await listAttempts(event.id, filters, { from, to }, { page, pageSize });
  return { body: presentPage(result, (a) => presentAttempt(a, now)) };
});
