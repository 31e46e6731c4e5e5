"use server";

import { orgAction } from "./safe-action";
import { addProfileFieldSchema, removeProfileFieldSchema, reorderProfileFieldsSchema, updateProfileFieldSchema } from "@/lib/profile/schema";
import { addProfileField, removeProfileField, reorderProfileFields, updateProfileField } from "@/lib/profile/service";

export const addProfileFieldAction = orgAction("addProfileField", { schema: addProfileFieldSchema, role: "admin" }, async (input, ctx) => {
  const { eventSlug, ...field } = input;
  return addProfileField(ctx, eventSlug, field);
});

export const updateProfileFieldAction = orgAction("updateProfileField", { schema: updateProfileFieldSchema, role: "admin" }, async (input, ctx) => {
  const { eventSlug, fieldId, ...field } = input;
  return updateProfileField(ctx, eventSlug, fieldId, field);
});

export const removeProfileFieldAction = orgAction("removeProfileField", { schema: removeProfileFieldSchema, role: "admin" }, async (input, ctx) =>
  removeProfileField(ctx, input.eventSlug, input.fieldId),
);

export const reorderProfileFieldsAction = orgAction("reorderProfileFields", { schema: reorderProfileFieldsSchema, role: "admin" }, async (input, ctx) =>
  reorderProfileFields(ctx, input.eventSlug, input.order),
);
