"use server";

import { orgAction } from "./safe-action";
import { endSessionsSchema } from "@/lib/activity/schema";
import { endAttendeeSessions } from "@/lib/activity/sessions";

/** Ends live attendee sessions (admins only): one, a link's, a key's, or all. */
export const endSessionsAction = orgAction("endSessions", { schema: endSessionsSchema, role: "admin" }, async (input, ctx) =>
  endAttendeeSessions(ctx, input.eventSlug, input.target),
);
