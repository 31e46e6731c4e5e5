"use server";

import { headers } from "next/headers";
import { orgAction, userAction } from "./safe-action";
import {
  acceptInvitationSchema,
  cancelInvitationSchema,
  changeMemberRoleSchema,
  inviteMemberSchema,
  removeMemberSchema,
} from "@/lib/members/schema";
import { acceptInvitation, cancelInvitation, changeMemberRole, inviteMember, removeMember } from "@/lib/members/service";

export const inviteMemberAction = orgAction("inviteMember", { schema: inviteMemberSchema, role: "admin" }, async (input, ctx) =>
  inviteMember(ctx, input, await headers()),
);

export const cancelInvitationAction = orgAction(
  "cancelInvitation",
  { schema: cancelInvitationSchema, role: "admin" },
  async (input, ctx) => {
    await cancelInvitation(ctx, input.invitationId);
    return { ok: true as const };
  },
);

export const changeMemberRoleAction = orgAction(
  "changeMemberRole",
  { schema: changeMemberRoleSchema, role: "admin" },
  async (input, ctx) => {
    await changeMemberRole(ctx, input);
    return { ok: true as const };
  },
);

// Viewers may remove themselves (leave); the service checks everything else.
export const removeMemberAction = orgAction("removeMember", { schema: removeMemberSchema, role: "viewer" }, async (input, ctx) =>
  removeMember(ctx, input.memberId),
);

export const acceptInvitationAction = userAction("acceptInvitation", acceptInvitationSchema, async (input, user) =>
  acceptInvitation(user, input.invitationId, await headers()),
);
