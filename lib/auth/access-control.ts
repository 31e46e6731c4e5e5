import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, ownerAc, adminAc } from "better-auth/plugins/organization/access";

/** Better Auth's view of our roles, used by its invitation endpoints (called only from our server actions). */
export const accessControl = createAccessControl(defaultStatements);

export const betterAuthRoles = {
  owner: accessControl.newRole(ownerAc.statements),
  admin: accessControl.newRole(adminAc.statements),
  viewer: accessControl.newRole({ organization: [], member: [], invitation: [], team: [], ac: ["read"] }),
};
