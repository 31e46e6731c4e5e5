import { z } from "zod";
import { ORG_ROLES } from "@/lib/auth/roles";

const role = z.enum(ORG_ROLES, { error: "Choose a role: owner, admin or viewer." });

export const inviteMemberSchema = z.object({
  email: z.email({ error: "Enter the email address the person will sign up or sign in with." }).trim().toLowerCase().max(200),
  role,
});
export const cancelInvitationSchema = z.object({ invitationId: z.string().min(1) });
export const changeMemberRoleSchema = z.object({ memberId: z.string().min(1), role });
export const removeMemberSchema = z.object({ memberId: z.string().min(1) });
export const acceptInvitationSchema = z.object({ invitationId: z.string().min(1).max(100) });
