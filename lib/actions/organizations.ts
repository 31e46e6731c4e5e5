"use server";

import { orgAction, userAction } from "./safe-action";
import { createOrganizationSchema, updateOrganizationSchema } from "@/lib/orgs/schema";
import { createOrganization, updateOrganization } from "@/lib/orgs/service";

export const createOrganizationAction = userAction("createOrganization", createOrganizationSchema, async (input, user) => {
  const organization = await createOrganization(user, input);
  return { slug: organization.slug };
});

export const updateOrganizationAction = orgAction(
  "updateOrganization",
  { schema: updateOrganizationSchema, role: "admin" },
  async (input, ctx) => {
    await updateOrganization(ctx, input);
    return { ok: true as const };
  },
);
