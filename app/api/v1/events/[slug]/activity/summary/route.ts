import { apiRoute, parseQuery } from "@/lib/api/handler";
import { activityEvent, activitySummary } from "@/lib/activity/queries";
import { presentSummary } from "@/lib/activity/present";
import { summaryQueryParser } from "@/lib/activity/schema";

export const GET = apiRoute("getActivitySummary", { role: "viewer" }, async ({ ctx, params, query }) => {
  const { from, to, bucket } = parseQuery(summaryQueryParser, query);
  const event = await activityEvent(ctx, params.slug!);
  const now = new Date();
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - 3_600_000);
  return { body: { data: presentSummary(await activitySummary(event.id, { from: start, to: end, bucket }, now)) } };
});
