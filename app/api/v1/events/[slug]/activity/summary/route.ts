import { apiRoute } from "@/lib/api/handler";
import { activitySummary } from "@/lib/activity/queries";
import { presentSummary } from "@/lib/activity/present";
import { tenantEvent } from "@/lib/events/scope";

export const GET = apiRoute("getActivitySummary", async ({ ctx, params, query }) => {
  const { from, to, bucket } = query;
  const event = await tenantEvent(ctx, params.slug!);
  const now = new Date();
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - 3_600_000);
  return { body: { data: presentSummary(await activitySummary(event.id, { from: start, to: end, bucket }, now)) } };
});
