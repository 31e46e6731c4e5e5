import { apiRoute } from "@/lib/api/handler";
import { diagnoseEvent } from "@/lib/activity/diagnose-event";
import { presentFindings } from "@/lib/activity/present";
import { tenantEvent } from "@/lib/events/scope";

export const GET = apiRoute("getActivityDiagnosis", async ({ ctx, params }) => {
  const event = await tenantEvent(ctx, params.slug!);
  return { body: { data: presentFindings(await diagnoseEvent(event.id, new Date())) } };
});
