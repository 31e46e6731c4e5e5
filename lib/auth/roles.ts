/**
 * Organization roles. Viewers read everything and change nothing; admins run events, keys, links
 * and members; only owners manage owners. Pure: shared by server checks and the UI that hides controls.
 */
export const ORG_ROLES = ["owner", "admin", "viewer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const RANK: Record<OrgRole, number> = { viewer: 0, admin: 1, owner: 2 };

export function isOrgRole(value: unknown): value is OrgRole {
  return typeof value === "string" && (ORG_ROLES as readonly string[]).includes(value);
}

/** Better Auth stores roles as a comma list; we only ever write one, and read the strongest. */
export function parseOrgRole(stored: string | null | undefined): OrgRole {
  const roles = (stored ?? "").split(",").map((r) => r.trim()).filter(isOrgRole);
  return roles.sort((a, b) => RANK[b] - RANK[a])[0] ?? "viewer";
}

export function hasRole(actual: OrgRole, required: OrgRole): boolean {
  return RANK[actual] >= RANK[required];
}

export function canWrite(role: OrgRole): boolean {
  return hasRole(role, "admin");
}

/** Which roles `actor` may hand out or take away. Admins cannot create or touch owners. */
export function assignableRoles(actor: OrgRole): OrgRole[] {
  if (actor === "owner") return ["owner", "admin", "viewer"];
  if (actor === "admin") return ["admin", "viewer"];
  return [];
}

export const ROLE_DESCRIPTIONS: Record<OrgRole, string> = {
  owner: "Everything, including making and removing owners.",
  admin: "Events, keys, profile fields, test links, API keys, and members other than owners.",
  viewer: "Reads everything, changes nothing.",
};
