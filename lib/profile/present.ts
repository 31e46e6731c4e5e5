import { avatarFor, safeAvatarUrl, type Avatar } from "./avatar";
import { LINK_EXAMPLES, linkFor, type ProfileLink } from "./social-links";
import { isAttendeeRole, ROLE_INFO, ATTENDEE_ROLES, type AttendeeRole } from "./roles";
import { FIELD_KIND_LABELS, FIELD_KINDS, foldKey, presetKindFor, type FieldKind } from "./schema";
import { cleanText, describeValue, graphemeLength, truncateGraphemes } from "./text";

/**
 * What attendees see of a token: the one implementation behind the attendee lobby, the dashboard's
 * preview, the test-link form and the token debugger.
 *
 * The platform's rules (its doc, "User profile fields"):
 * - userProfile is a list of [key, value] pairs; only keys configured for the event are shown,
 *   extra keys are dropped.
 * - The first shown field sits atop the stream; the rest appear on hover (and keyboard focus).
 *   "The first specified field" is read as the first configured field IN THE ORDER THE TOKEN
 *   LISTS THEM, not the order of the event's field list.
 * - twitter and linkedin become links on the "You met with…" page.
 * - No (usable) avatarUrl: an avatar from the initials of displayName.
 */

/** Where the tile cuts text, in graphemes. The warnings quote the cut. */
export const TILE_LIMITS = { name: 32, value: 40 } as const;

export interface AttendeeClaims {
  displayName?: unknown;
  avatarUrl?: unknown;
  userProfile?: unknown;
  roles?: unknown;
}

/** A configured field; `kind` may come straight from the database (unknown kinds count as text). */
export interface FieldDefinition {
  key: string;
  label: string;
  kind: FieldKind | (string & {});
}

export interface ShownField {
  key: string;
  label: string;
  kind: FieldKind;
  /** As the tile shows it: cleaned, a valid link's short form, cut at TILE_LIMITS.value. */
  value: string;
  /** Cleaned but uncut (for a tooltip). */
  fullValue: string;
  truncated: boolean;
  /** twitter, linkedin and url fields with a valid value; null otherwise. */
  link: ProfileLink | null;
}

export interface RoleBadge {
  role: AttendeeRole;
  label: string;
  description: string;
}

export interface MetLink extends ProfileLink {
  key: string;
  label: string;
  kind: Exclude<FieldKind, "text">;
}

export interface PresentedAttendee {
  /** As the tile shows it (cut at TILE_LIMITS.name); "Unnamed attendee" when missing. */
  name: string;
  fullName: string;
  avatar: Avatar;
  /** The field atop the stream, or null when the token shows none. */
  headline: ShownField | null;
  /** The rest, in token order, revealed on hover and focus. */
  hoverFields: ShownField[];
  roles: RoleBadge[];
  /** Links on the "You met with…" card, in token order. */
  metLinks: MetLink[];
}

export const WARNING_CODES = [
  "profile_not_array",
  "entry_not_pair",
  "duplicate_key",
  "key_dropped",
  "key_likely_typo",
  "value_not_string",
  "value_empty",
  "value_truncated",
  "invalid_link",
  "text_cleaned",
  "field_missing",
  "special_key_not_linked",
  "no_fields",
  "display_name_missing",
  "display_name_truncated",
  "avatar_invalid",
  "roles_invalid",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ProfileWarning {
  code: WarningCode;
  /** error: the whole part is ignored; warning: likely a mistake; info: worth knowing. */
  level: "error" | "warning" | "info";
  message: string;
  /** The userProfile key, or the claim ("displayName", "avatarUrl", "roles"), concerned. */
  key?: string;
  /** 1-based position of the userProfile entry concerned. */
  entry?: number;
}

export interface Presentation {
  attendee: PresentedAttendee;
  warnings: ProfileWarning[];
}

const UNNAMED = "Unnamed attendee";

function kindOf(field: FieldDefinition): FieldKind {
  return (FIELD_KINDS as readonly string[]).includes(field.kind) ? (field.kind as FieldKind) : "text";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function presentName(displayName: unknown, warn: (w: ProfileWarning) => void) {
  const cleaned = typeof displayName === "string" ? cleanText(displayName) : { text: "", changed: false };
  if (!cleaned.text) {
    warn({
      code: "display_name_missing",
      level: "error",
      key: "displayName",
      message:
        typeof displayName === "string" || displayName === undefined
          ? "displayName is missing or empty: it is required in every token, and it is the name on the attendee's stream."
          : `displayName is ${describeValue(displayName)}, not text: it is required in every token as a string.`,
    });
    return { name: UNNAMED, fullName: UNNAMED };
  }
  if (cleaned.changed) {
    warn({
      code: "text_cleaned",
      level: "warning",
      key: "displayName",
      message: "displayName contains control or text-direction characters: they are removed before it is shown.",
    });
  }
  const cut = truncateGraphemes(cleaned.text, TILE_LIMITS.name);
  if (cut.truncated) {
    warn({
      code: "display_name_truncated",
      level: "warning",
      key: "displayName",
      message: `displayName is ${graphemeLength(cleaned.text)} characters; the tile cuts it after ${TILE_LIMITS.name}: “${cut.text}”.`,
    });
  }
  return { name: cut.text, fullName: cleaned.text };
}

function presentRoles(roles: unknown, warn: (w: ProfileWarning) => void): RoleBadge[] {
  if (roles === undefined || roles === null) return [];
  if (!Array.isArray(roles)) {
    warn({ code: "roles_invalid", level: "warning", key: "roles", message: `roles is ${describeValue(roles)}, not a list like ["presenter"]: no role is given.` });
    return [];
  }
  const granted = new Set<AttendeeRole>();
  for (const role of roles) {
    if (isAttendeeRole(role)) granted.add(role);
    else {
      warn({
        code: "roles_invalid",
        level: "warning",
        key: "roles",
        message: `The role ${typeof role === "string" ? `"${role}"` : describeValue(role)} is not one of ${ATTENDEE_ROLES.join(", ")}: it grants nothing.`,
      });
    }
  }
  return ATTENDEE_ROLES.filter((r) => granted.has(r)).map((role) => ({ role, ...ROLE_INFO[role] }));
}

export function presentAttendee(claims: AttendeeClaims, fields: readonly FieldDefinition[]): Presentation {
  const warnings: ProfileWarning[] = [];
  const warn = (w: ProfileWarning) => warnings.push(w);

  const { name, fullName } = presentName(claims.displayName, warn);

  const avatar = avatarFor(fullName === UNNAMED ? "" : fullName, claims.avatarUrl);
  if (claims.avatarUrl !== undefined && claims.avatarUrl !== null && claims.avatarUrl !== "" && !safeAvatarUrl(claims.avatarUrl)) {
    warn({
      code: "avatar_invalid",
      level: "warning",
      key: "avatarUrl",
      message: `avatarUrl ${typeof claims.avatarUrl === "string" ? `“${truncateGraphemes(claims.avatarUrl, 60).text}”` : describeValue(claims.avatarUrl)} is not a public https:// image address: the initials avatar is shown instead.`,
    });
  }

  const roles = presentRoles(claims.roles, warn);

  const configured = new Map(fields.map((f) => [f.key, f]));
  const shown: ShownField[] = [];

  if (fields.length === 0) {
    warn({ code: "no_fields", level: "info", message: "This event has no profile fields: tiles show only the name and avatar, and every userProfile key is dropped." });
  }

  const profile = claims.userProfile;
  if (profile !== undefined && profile !== null && !Array.isArray(profile)) {
    warn({
      code: "profile_not_array",
      level: "error",
      key: "userProfile",
      message: `userProfile is ${describeValue(profile)}, not a list of [key, value] pairs: none of it is shown. Send it as [["organization", "Seinfield"], ["title", "Producer"]].`,
    });
  }
  const entries: unknown[] = Array.isArray(profile) ? profile : [];
  const occurrences = new Map<string, number[]>();

  entries.forEach((item, index) => {
    const entry = index + 1;
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== "string") {
      warn({
        code: "entry_not_pair",
        level: "warning",
        entry,
        message: `userProfile entry ${entry} is ${describeValue(item)}${Array.isArray(item) ? ` of ${plural(item.length, "item")}` : ""}, not a [key, value] pair with a text key: it is ignored.`,
      });
      return;
    }
    const [key, rawValue] = item as [string, unknown];
    const seen = occurrences.get(key);
    occurrences.set(key, [...(seen ?? []), entry]);
    if (seen) return; // the first occurrence is the one shown; reported below
    const field = configured.get(key);
    if (!field) {
      const lookalike = fields.find((f) => foldKey(f.key) === foldKey(key));
      if (lookalike) {
        warn({
          code: "key_likely_typo",
          level: "warning",
          key,
          entry,
          message: `“${key}” is not a configured field, but it looks like “${lookalike.key}” (only case or spacing differ). Keys must match exactly, so it is dropped: send “${lookalike.key}”.`,
        });
      } else {
        warn({
          code: "key_dropped",
          level: "info",
          key,
          entry,
          message: `“${key}” is not a configured field of this event: it is dropped and nobody sees it. Add it as a field to show it.`,
        });
      }
      return;
    }
    const kind = kindOf(field);
    if (typeof rawValue !== "string") {
      warn({
        code: "value_not_string",
        level: "warning",
        key,
        entry,
        message: `“${key}” has ${describeValue(rawValue)} as its value, not text: it is not shown.${typeof rawValue === "number" || typeof rawValue === "boolean" ? ` Send it as "${String(rawValue)}".` : ""}`,
      });
      return;
    }
    const cleaned = cleanText(rawValue);
    if (!cleaned.text) {
      warn({ code: "value_empty", level: "info", key, entry, message: `“${key}” is empty: it is not shown.` });
      return;
    }
    if (cleaned.changed) {
      warn({ code: "text_cleaned", level: "warning", key, entry, message: `“${key}” contains control or text-direction characters: they are removed before it is shown.` });
    }
    const link = linkFor(kind, cleaned.text);
    if (kind !== "text" && !link) {
      warn({
        code: "invalid_link",
        level: "warning",
        key,
        entry,
        message: `“${key}” (${FIELD_KIND_LABELS[kind]}) is “${truncateGraphemes(cleaned.text, 60).text}”, which is not ${LINK_EXAMPLES[kind]}: the tile shows it as text, and “You met with…” does not link it.`,
      });
    }
    const display = link ? link.text : cleaned.text;
    const cut = truncateGraphemes(display, TILE_LIMITS.value);
    if (cut.truncated) {
      warn({
        code: "value_truncated",
        level: "warning",
        key,
        entry,
        message: `“${key}” is ${graphemeLength(display)} characters; the tile cuts it after ${TILE_LIMITS.value}: “${cut.text}”.`,
      });
    }
    shown.push({ key, label: field.label, kind, value: cut.text, fullValue: display, truncated: cut.truncated, link });
  });

  for (const [key, at] of occurrences) {
    if (at.length < 2) continue;
    warn({
      code: "duplicate_key",
      level: "warning",
      key,
      entry: at[1],
      message: `“${key}” appears ${at.length} times (entries ${at.join(", ")}): only entry ${at[0]} is used, the others are ignored.`,
    });
  }

  for (const field of fields) {
    if (!occurrences.has(field.key)) {
      warn({
        code: "field_missing",
        level: "info",
        key: field.key,
        message: `The configured field “${field.key}” (${field.label}) is not in userProfile: it is not shown for this attendee.`,
      });
    }
    const special = presetKindFor(field.key);
    if (special && kindOf(field) !== special) {
      warn({
        code: "special_key_not_linked",
        level: "warning",
        key: field.key,
        message: `The field “${field.key}” has the kind ${FIELD_KIND_LABELS[kindOf(field)]}: the platform links fields named ${special} on “You met with…”, this one will not be. Set its kind to ${FIELD_KIND_LABELS[special]}.`,
      });
    }
  }

  const metLinks: MetLink[] = shown.flatMap((f) =>
    f.link && f.kind !== "text" ? [{ key: f.key, label: f.label, kind: f.kind, href: f.link.href, text: f.link.text }] : [],
  );

  return {
    attendee: { name, fullName, avatar, headline: shown[0] ?? null, hoverFields: shown.slice(1), roles, metLinks },
    warnings,
  };
}
