import { apiRoute, parseQuery } from "@/lib/api/handler";
import { activityEvent, attemptsForExport, listAttempts } from "@/lib/activity/queries";
import { attemptsCsv, presentAttempt } from "@/lib/activity/present";
import { attemptListQueryParser } from "@/lib/activity/schema";

export const GET = apiRoute("listAttempts", { role: "viewer" }, async ({ ctx, params, query, request }) => {
  const { page, pageSize, from, to, ...filters } = parseQuery(attemptListQueryParser, query);
  const event = await activityEvent(ctx, params.slug!);
  const now = new Date();
  if ((request.headers.get("accept") ?? "").includes("text/csv")) {
    const csv = attemptsCsv(await attemptsForExport(event.id, filters, { from, to }), now);
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${event.slug}-activity.csv"`, "Cache-Control": "no-store" },
    });
  }
  const result = await listAttempts(event.id, filters, { from, to }, { page, pageSize });
  return {
    body: {
      data: result.rows.map((a) => presentAttempt(a, now)),
      pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
    },
  };
});
