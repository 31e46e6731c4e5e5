import { apiRoute } from "@/lib/api/handler";
import { presentPage } from "@/lib/api/present";
import { attemptsForExport, listAttempts } from "@/lib/activity/queries";
import { attemptsCsv, presentAttempt } from "@/lib/activity/present";
import { tenantEvent } from "@/lib/events/scope";

export const GET = apiRoute("listAttempts", async ({ ctx, params, query, request }) => {
  const { page, pageSize, from, to, ...filters } = query;
  const event = await tenantEvent(ctx, params.slug!);
  const now = new Date();
  if ((request.headers.get("accept") ?? "").includes("text/csv")) {
    const csv = attemptsCsv(await attemptsForExport(event.id, filters, { from, to }), now);
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${event.slug}-activity.csv"`, "Cache-Control": "no-store" },
    });
  }
  const result = await listAttempts(event.id, filters, { from, to }, { page, pageSize });
  return { body: presentPage(result, (a) => presentAttempt(a, now)) };
});
