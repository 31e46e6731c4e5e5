/**
 * Every audited action, with the words the audit page shows. Later capabilities add theirs here so
 * the filter lists them and a typo is a type error.
 */
export const AUDIT_ACTIONS = {
  "organization.created": "Created the organization",
  "organization.updated": "Changed organization settings",
  "member.invited": "Invited a member",
  "member.invitation_cancelled": "Cancelled an invitation",
  "member.joined": "Joined through an invitation",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "event.created": "Created an event",
  "event.updated": "Changed an event",
  "event.deleted": "Deleted an event",
  "event.tokens_revoked": "Rejected all tokens issued before now",
  "api_key.created": "Created an API key",
  "api_key.revoked": "Revoked an API key",
  "profile_field.added": "Added a profile field",
  "profile_field.updated": "Changed a profile field",
  "profile_field.removed": "Removed a profile field",
  "profile_field.reordered": "Reordered the profile fields",
  "profile_field.replaced": "Replaced the profile fields",
  "key.generated": "Generated a signing key",
  "key.uploaded": "Added a public signing key",
  "key.activated": "Activated a signing key",
  "key.retired": "Retired a signing key",
  "key.revoked": "Revoked a signing key",
  "key.jwks_url_set": "Set the JWKS URL the event follows",
  "key.jwks_url_removed": "Stopped following the JWKS URL",
  "key.url_key_added": "A key appeared at the JWKS URL",
  "key.url_key_withdrawn": "A key was withdrawn from the JWKS URL",
  "link.issued": "Issued a test link",
  "link.revoked": "Revoked a test link",
  "link.revoked_all": "Revoked all active test links",
  "link.emailed": "Emailed a test link to the attendee",
  "account.signed_in": "Signed in",
  "account.sign_in_failures": "Many failed sign-ins to an account",
  "account.two_factor_enabled": "Turned on two-factor (authenticator app)",
  "account.two_factor_disabled": "Turned off two-factor (authenticator app)",
  "account.recovery_codes_regenerated": "Made new recovery codes",
  "account.passkey_added": "Added a passkey",
  "account.passkey_removed": "Removed a passkey",
  "account.password_changed": "Changed their password",
  "account.password_reset": "Reset their password by email",
  "account.session_ended": "Signed a device out",
  "account.sessions_ended": "Signed out everywhere",
  "attendee_session.ended": "Ended attendee sessions",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_TARGET_TYPES = ["organization", "member", "invitation", "event", "api_key", "profile_field", "signing_key", "issued_link", "user"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number] | (string & {});

/** The areas of the log, in the order the action filter groups them; an action's area is the part before its dot. */
export const AUDIT_AREAS = {
  organization: "Organization",
  member: "Members",
  event: "Events",
  profile_field: "Profile fields",
  key: "Signing keys",
  link: "Test links",
  attendee_session: "Attendee sessions",
  api_key: "API keys",
  account: "Account security",
} as const;

export type AuditArea = keyof typeof AUDIT_AREAS;

/** The action filter's groups: per area, "all of this area" (the prefix, e.g. "key.") and each action. */
export function auditActionGroups(): Array<{ area: AuditArea; label: string; all: string; actions: Array<{ value: AuditAction; label: string }> }> {
  return (Object.entries(AUDIT_AREAS) as Array<[AuditArea, string]>).map(([area, label]) => ({
    area,
    label,
    all: `${area}.`,
    actions: (Object.entries(AUDIT_ACTIONS) as Array<[AuditAction, string]>).filter(([action]) => action.startsWith(`${area}.`)).map(([value, text]) => ({ value, label: text })),
  }));
}

/** A known action ("key.revoked") or a known area prefix ("key."): what the action filter accepts. */
export function isAuditActionFilter(value: string): boolean {
  return Object.hasOwn(AUDIT_ACTIONS, value) || (value.endsWith(".") && Object.hasOwn(AUDIT_AREAS, value.slice(0, -1)));
}

export function describeAuditAction(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
