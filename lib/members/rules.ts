import { assignableRoles, type OrgRole } from "@/lib/auth/roles";

/**
 * Membership rules, pure so they are tested without a database:
 * - an organization never loses its last owner;
 * - admins manage admins and viewers, never owners, and cannot hand out "owner".
 */
export type MembershipDecision = { allowed: true } | { allowed: false; code: "FORBIDDEN" | "PRECONDITION_FAILED"; message: string };

const ALLOWED: MembershipDecision = { allowed: true };

export function decideRoleChange(input: {
  actorRole: OrgRole;
  targetRole: OrgRole;
  newRole: OrgRole;
  ownerCount: number;
}): MembershipDecision {
  const assignable = assignableRoles(input.actorRole);
  if (!assignable.includes(input.targetRole)) {
    return { allowed: false, code: "FORBIDDEN", message: "Only an owner can change an owner's role." };
  }
  if (!assignable.includes(input.newRole)) {
    return { allowed: false, code: "FORBIDDEN", message: `Your role cannot give the ${input.newRole} role. Ask an owner.` };
  }
  if (input.targetRole === "owner" && input.newRole !== "owner" && input.ownerCount <= 1) {
    return {
      allowed: false,
      code: "PRECONDITION_FAILED",
      message: "This is the organization's last owner. Make another member owner first, then change this role.",
    };
  }
  return ALLOWED;
}

export function decideRemoval(input: { actorRole: OrgRole; targetRole: OrgRole; ownerCount: number; removingSelf: boolean }): MembershipDecision {
  if (!input.removingSelf && !assignableRoles(input.actorRole).includes(input.targetRole)) {
    const message = input.actorRole === "viewer" ? "Viewers can remove only themselves (leave the organization)." : "Only an owner can remove an owner.";
    return { allowed: false, code: "FORBIDDEN", message };
  }
  if (input.targetRole === "owner" && input.ownerCount <= 1) {
    return {
      allowed: false,
      code: "PRECONDITION_FAILED",
      message: "This is the organization's last owner and cannot be removed. Make another member owner first.",
    };
  }
  return ALLOWED;
}

export function decideInvitation(input: { actorRole: OrgRole; role: OrgRole }): MembershipDecision {
  if (!assignableRoles(input.actorRole).includes(input.role)) {
    return { allowed: false, code: "FORBIDDEN", message: "Only an owner can invite another owner." };
  }
  return ALLOWED;
}
