import { ATTENDEE_ROLES, ROLE_INFO, type AttendeeRole } from "@/lib/profile/roles";
import { readAttendeeClaims } from "@/lib/tokens/attendee-claims";
import { MAX_TOKEN_LENGTH } from "@/lib/tokens/parse-token";
import type { ClaimProblem } from "@/lib/tokens/reasons";
import type { EffectiveFeatures } from "@/lib/tokens/types";

/**
 * A test link's attendee, checked with the entry's own claim rules (lib/tokens/attendee-claims),
 * so every link the dashboard issues is accepted by the entry. Browser-safe: the issue form runs
 * the same check on every keystroke, the server runs it again as the authority.
 */
export interface LinkAttendeeInput {
  displayName: string;
  email?: string | null;
  avatarUrl?: string | null;
  /** In the order the token lists them; pairs with an empty value are left out (not sent). */
  userProfile?: ReadonlyArray<readonly [string, string]>;
  roles?: readonly AttendeeRole[];
}

/** The attendee claims as signed into the token: normalized, absent parts left out. */
export interface LinkClaims {
  displayName: string;
  email?: string;
  avatarUrl?: string;
  userProfile?: Array<[string, string]>;
  roles?: AttendeeRole[];
}

export interface ClaimError {
  /** A form field path: "displayName", "email", "avatarUrl", "roles", "userProfile.2.1". */
  field: string;
  message: string;
}

export type LinkClaimsCheck = { ok: true; claims: LinkClaims } | { ok: false; error: ClaimError };

const ALL_FEATURES: EffectiveFeatures = { transcription: true, interpretation: true };

export const FEATURE_OF_ROLE: Partial<Record<AttendeeRole, { flag: keyof EffectiveFeatures; name: string }>> = {
  transcriber: { flag: "transcription", name: "Transcription" },
  interpreter: { flag: "interpretation", name: "Interpretation" },
};

/** "userProfile[2][1]" (the verifier's notation) → "userProfile.2.1" (a form path). */
function fieldPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, ".$1");
}

function subject(path: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  if (path === "displayName") return "The name";
  if (path === "email") return "The email";
  if (path === "avatarUrl") return "The avatar URL";
  if (path === "roles") return "Roles";
  const pair = /^userProfile\.(\d+)\.([01])$/.exec(path);
  if (pair) {
    const key = pairs[Number(pair[1])]?.[0] ?? "";
    return pair[2] === "0" ? `The profile key “${key}”` : `The value of “${key}”`;
  }
  return "userProfile";
}

const PROBLEM_TEXT: Record<ClaimProblem, (subject: string, limit?: number) => string> = {
  missing: () => "Enter the attendee's name: it is required, and it is the name on their stream.",
  empty: (s) => (s === "The name" ? "Enter the attendee's name: it is required, and it is the name on their stream." : `${s} is empty.`),
  wrong_type: (s) => `${s} must be text.`,
  too_long: (s, limit) => `${s} is too long: at most ${limit} characters.`,
  too_many: (s, limit) => `${s} has too many entries: at most ${limit}.`,
  control_characters: (s) => `${s} contains invisible control or text-direction characters: remove them.`,
  invisible: (s) => `${s} is made only of invisible characters: enter a name people can read.`,
  too_many_marks: (s, limit) => `${s} stacks more than ${limit} accents or other combining marks on one character: remove the extra marks.`,
  not_an_email: () => "Enter an email address such as larry@example.com, or leave it empty.",
  not_https: () => "Use an https:// image address, or leave it empty for an avatar made from the initials.",
  not_a_url: () => "Enter a full https:// image address without a user name or password, or leave it empty.",
  not_a_pair: () => "userProfile must be a list of [key, value] text pairs.",
  unknown_role: () => `Roles are ${ATTENDEE_ROLES.join(", ")}.`,
  out_of_range: (s) => `${s} is out of range.`,
  milliseconds: (s) => `${s} looks like milliseconds; times are whole seconds.`,
};

/** Why a feature-gated role cannot be given, and where to turn it on. */
export function disabledRoleMessage(role: AttendeeRole): string {
  const feature = FEATURE_OF_ROLE[role];
  return `${ROLE_INFO[role].label} needs ${feature?.name ?? "its feature"} turned on for the organization and for this event (Settings). Until then the entry would drop the role.`;
}

/**
 * Checks a link's attendee against the entry's rules and the event's features. Feature-gated
 * roles the event does not allow are refused here rather than silently dropped by the entry.
 */
export function checkLinkClaims(input: LinkAttendeeInput, features: EffectiveFeatures): LinkClaimsCheck {
  const all = input.userProfile ?? [];
  // Indexes of the pairs sent, so an error names the pair as the caller numbered it.
  const sent = all.flatMap((pair, index) => (pair[1].trim() === "" ? [] : [index]));
  const pairs = sent.map((index) => all[index]!);
  for (const role of input.roles ?? []) {
    const feature = FEATURE_OF_ROLE[role];
    if (feature && !features[feature.flag]) return { ok: false, error: { field: "roles", message: disabledRoleMessage(role) } };
  }
  const read = readAttendeeClaims(
    { displayName: input.displayName, email: input.email ?? null, avatarUrl: input.avatarUrl ?? null, userProfile: pairs, roles: input.roles ?? [] },
    ALL_FEATURES,
  );
  if (!read.ok) {
    const field = fieldPath(read.error.field).replace(/^userProfile\.(\d+)/, (_, i: string) => `userProfile.${sent[Number(i)] ?? i}`);
    return { ok: false, error: { field, message: PROBLEM_TEXT[read.error.problem](subject(field, all), read.error.limit) } };
  }
  const { claims } = read;
  const linkClaims: LinkClaims = {
    displayName: claims.displayName,
    ...(claims.email ? { email: claims.email } : {}),
    ...(claims.avatarUrl ? { avatarUrl: claims.avatarUrl } : {}),
    ...(claims.userProfile.length ? { userProfile: claims.userProfile } : {}),
    ...(claims.roles.length ? { roles: ATTENDEE_ROLES.filter((r) => claims.roles.includes(r)) } : {}),
  };
  const length = worstCaseTokenLength(linkClaims);
  if (length > MAX_TOKEN_LENGTH) {
    return {
      ok: false,
      error: {
        field: linkClaims.userProfile ? "userProfile" : "displayName",
        message: `The link would be too long: its token would have up to ${length.toLocaleString("en-US")} characters, and the entry accepts at most ${MAX_TOKEN_LENGTH.toLocaleString("en-US")}. Shorten the profile values.`,
      },
    };
  }
  return { ok: true, claims: linkClaims };
}

const base64urlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);
const utf8Length = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
/** A 4096-bit RSA signature: the longest a key of this product makes. */
const MAX_SIGNATURE_BYTES = 512;

/** The token's length with the longest kid, jti, times and signature it could get. */
export function worstCaseTokenLength(claims: LinkClaims): number {
  const header = linkTokenHeader("k".repeat(43));
  const payload = linkTokenPayload(claims, { jti: "0".repeat(36), iat: 9_999_999_999, exp: 9_999_999_999 });
  return base64urlLength(utf8Length(header)) + 1 + base64urlLength(utf8Length(payload)) + 1 + base64urlLength(MAX_SIGNATURE_BYTES);
}

/** What the token says besides the attendee: who signs it and when it runs out. */
export interface LinkTokenTimes {
  jti: string;
  iat: number;
  exp: number;
}

export function linkTokenHeader(kid: string) {
  return { alg: "RS256" as const, typ: "JWT" as const, kid };
}

export function linkTokenPayload(claims: LinkClaims, times: LinkTokenTimes) {
  return { ...claims, jti: times.jti, iat: times.iat, exp: times.exp };
}

/** The full event link attendees open. */
export function linkUrl(baseUrl: string, eventSlug: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/e/${eventSlug}?token=${token}`;
}
