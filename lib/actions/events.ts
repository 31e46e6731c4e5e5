"use server";

import { orgAction } from "./safe-action";
import { createEventSchema, deleteEventSchema, revokeIssuedTokensSchema, updateEventSchema } from "@/lib/events/schema";
import { createEvent, deleteEvent, rejectTokensIssuedBeforeNow, updateEvent } from "@/lib/events/service";

export const createEventAction = orgAction("createEvent", { schema: createEventSchema, role: "admin" }, async (input, ctx) => {
  const event = await createEvent(ctx, input);
  return { slug: event.slug };
});

export const updateEventAction = orgAction("updateEvent", { schema: updateEventSchema, role: "admin" }, async (input, ctx) => {
  const { eventSlug, ...fields } = input;
  const event = await updateEvent(ctx, eventSlug, fields);
  return { slug: event.slug };
});

export const deleteEventAction = orgAction("deleteEvent", { schema: deleteEventSchema, role: "admin" }, async (input, ctx) =>
  deleteEvent(ctx, input.eventSlug, input.confirmSlug),
);

export const rejectTokensIssuedBeforeNowAction = orgAction(
  "rejectTokensIssuedBeforeNow",
  { schema: revokeIssuedTokensSchema, role: "admin" },
  async (input, ctx) => {
    const event = await rejectTokensIssuedBeforeNow(ctx, input.eventSlug);
    return { rejectTokensIssuedBefore: event.rejectTokensIssuedBefore?.toISOString() ?? null };
  },
);
