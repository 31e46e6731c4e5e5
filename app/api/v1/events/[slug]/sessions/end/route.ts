import { apiRoute } from "@/lib/api/handler";
import { endSessionsBodySchema } from "@/lib/activity/schema";
import { endAttendeeSessions } from "@/lib/activity/sessions";

export const POST = apiRoute("endSessions", { role: "admin", body: endSessionsBodySchema }, async ({ ctx, params, body }) => {
  return { body: { data: await endAttendeeSessions(ctx, params.slug!, body) } };
});
