import { apiRoute } from "@/lib/api/handler";
import { endAttendeeSessions } from "@/lib/activity/sessions";

export const POST = apiRoute("endSessions", async ({ ctx, params, body }) => {
  return { body: { data: await endAttendeeSessions(ctx, params.slug!, body) } };
});
