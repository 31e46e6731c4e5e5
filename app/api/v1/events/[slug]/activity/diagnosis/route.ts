import { apiRoute } from "@/lib/api/handler";
import { diagnoseEvent } from "@/lib/activity/diagnose-event";
import { presentFindings } from "@/lib/activity/present";
import { activityEvent } from "@/lib/activity/queries";

export const GET = apiRoute("getActivityDiagnosis", { role: "viewer" }, async ({ ctx, params }) => {
  const event = await activityEvent(ctx, params.slug!);
  return { body: { data: presentFindings(await diagnoseEvent(event.id, new Date())) } };
});
