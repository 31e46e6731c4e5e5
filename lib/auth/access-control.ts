import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, ownerAc, adminAc } from "better-auth/plugins/organization/access";

/**
 * Better Auth's view of our roles, used by its invitation and API-key endpoints (called only from
 * our server actions and CLI, which check roles themselves first).
 */
export const accessControl = createAccessControl({ ...defaultStatements, apiKey: ["create", "read", "update", "delete"] });

const manageApiKeys = { apiKey: ["create", "read", "update", "delete"] as const };

export const betterAuthRoles = {
  owner: accessControl.newRole({ ...ownerAc.statements, ...manageApiKeys }),
  admin: accessControl.newRole({ ...adminAc.statements, ...manageApiKeys }),
  viewer: accessControl.newRole({ organization: [], member: [], invitation: [], team: [], ac: ["read"], apiKey: ["read"] }),
};
