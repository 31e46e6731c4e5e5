import { formatDuration } from "@/lib/format";
import { ATTENDEE_ROLES, ROLE_INFO, type AttendeeRole } from "@/lib/profile/roles";
import type { LinkPolicy } from "./lifetime";
import type { LinkKind } from "./status";

/**
 * The issue form's state and what it says about the link, as pure functions: the form component
 * stays a view, and the rules are tested without a browser.
 */
export interface LinkFormState {
  displayName: string;
  email: string;
  avatarUrl: string;
  /** Values by profile field key; empty ones are not sent. */
  profile: Record<string, string>;
  roles: AttendeeRole[];
  kind: LinkKind;
  lifetimeSeconds: number;
  confirmHostLongLived: boolean;
}

/** The attendee as the token will carry it: profile pairs in the event's field order. */
export function attendeeOf(
  state: LinkFormState,
  fields: ReadonlyArray<{ key: string }>,
): { displayName: string; email: string; avatarUrl: string; userProfile: Array<[string, string]>; roles: AttendeeRole[] } {
  return {
    displayName: state.displayName,
    email: state.email,
    avatarUrl: state.avatarUrl,
    userProfile: fields.map((f): [string, string] => [f.key, state.profile[f.key] ?? ""]),
    roles: ATTENDEE_ROLES.filter((r) => state.roles.includes(r)),
  };
}

/** "userProfile.2.1" → the key of field 2, for showing the error under that field's input. */
export function formFieldOfError(field: string, fields: ReadonlyArray<{ key: string }>): string {
  const pair = /^userProfile\.(\d+)(?:\.\d)?$/.exec(field);
  if (!pair) return field;
  const key = fields[Number(pair[1])]?.key;
  return key === undefined ? "userProfile" : `profile.${key}`;
}

/** Names in sentences stop after this many characters (graphemes): a long name would bury the warning it sits in. */
export const NAME_IN_SENTENCE_MAX = 40;

/** "Larry David", or the start of a long name with "…"; "this attendee" while the name is empty. */
export function attendeeNameInSentence(displayName: string, max = NAME_IN_SENTENCE_MAX): string {
  const name = displayName.trim();
  if (!name) return "this attendee";
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(name)].map((g) => g.segment);
  return graphemes.length <= max ? name : `${graphemes.slice(0, max - 1).join("").trimEnd()}…`;
}

export interface LinkNote {
  level: "danger" | "warning" | "info";
  message: string;
}

/** What the admin should know about the link before issuing it, most serious first. */
export function linkNotes(state: Pick<LinkFormState, "kind" | "lifetimeSeconds" | "roles" | "displayName">, policy: Pick<LinkPolicy, "oneOffLifetimeSeconds">): LinkNote[] {
  const notes: LinkNote[] = [];
  const who = attendeeNameInSentence(state.displayName);
  const roles = state.roles.length ? ` with the ${state.roles.map((r) => ROLE_INFO[r].label.toLowerCase()).join(" and ")} role${state.roles.length === 1 ? "" : "s"}` : "";
  if (state.kind === "long_lived") {
    notes.push({
      level: "danger",
      message: `Long-lived: for ${formatDuration(state.lifetimeSeconds)}, anyone who has this link signs in as ${who}${roles}, as often as they like. Never send it by email or chat; revoke it when you are done.`,
    });
  } else {
    notes.push({
      level: "info",
      message: `One-off: works once, within ${formatDuration(policy.oneOffLifetimeSeconds)}. Opening it shows “Continue as ${who}”; only that click uses it, so mail and chat link scanners cannot.`,
    });
  }
  if (state.roles.includes("host")) notes.push({ level: "warning", message: `Host: ${who} ${ROLE_INFO.host.description.charAt(0).toLowerCase()}${ROLE_INFO.host.description.slice(1)}` });
  return notes;
}
