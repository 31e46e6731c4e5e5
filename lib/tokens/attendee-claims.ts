import type { Result } from "@/lib/result";
import type { ClaimProblem, ReasonDetails } from "./reasons";
import { ATTENDEE_ROLES, type AttendeeClaims, type AttendeeRole, type EffectiveFeatures, type VerifyNote } from "./types";

/** Limits on what a token may put on an attendee's stream tile. */
export const CLAIM_LIMITS = {
  displayNameGraphemes: 80,
  /** Code units, checked before counting graphemes so the count stays cheap. */
  displayNameLength: 1000,
  emailLength: 254,
  avatarUrlLength: 2048,
  profileEntries: 50,
  profileKeyLength: 64,
  profileValueLength: 500,
  roles: 8,
  jtiLength: 256,
} as const;

// C0/C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates (which can reorder a
// name on screen: "Trojan Source"), and lone surrogates.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Valid-ish: something@something.tld, no spaces or characters that only appear in display forms.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
// Names only: the direction marks LRM, RLM and ALM flip how a name reads next to others' names.
const DIRECTION_MARKS = /[\u200e\u200f\u061c]/;
// What renders as nothing: default-ignorable code points (zero-width space and joiner, variation
// selectors, BOM, tag characters, the Hangul fillers), whitespace, and the braille blank.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]/gu;
/** Combining marks on one character ("Zalgo" text spills over the lines around the name). */
export const MAX_MARKS_PER_CHARACTER = 8;
const STACKED_MARKS = new RegExp(`(?:\\p{M}[\\u200c\\u200d]?){${MAX_MARKS_PER_CHARACTER + 1},}`, "u");

type ClaimFailure = { ok: false; error: ReasonDetails["invalid_claims"] };
type Outcome<T> = Result<{ value: T }, ReasonDetails["invalid_claims"]>;
const bad = (field: string, problem: ClaimProblem, extra: { limit?: number; value?: string } = {}): ClaimFailure => ({
  ok: false,
  error: { field, problem, ...extra },
});

function graphemeCount(text: string, stopAfter: number): number {
  let count = 0;
  const iterator = graphemes.segment(text)[Symbol.iterator]();
  while (count <= stopAfter && !iterator.next().done) count++;
  return count;
}

/** A trimmed, NFC-normalized, printable text of at most `maxLength` code units. */
function cleanText(value: unknown, field: string, maxLength: number): Outcome<string> {
  if (typeof value !== "string") return bad(field, "wrong_type");
  if (value.length > maxLength * 4) return bad(field, "too_long", { limit: maxLength });
  if (UNSAFE_TEXT.test(value)) return bad(field, "control_characters");
  const text = value.normalize("NFC").trim();
  if (text.length > maxLength) return bad(field, "too_long", { limit: maxLength });
  return { ok: true, value: text };
}

/** Optional claims: absent, null and "" all mean "not given" (the platform doc's own example sends `email: ''`). */
const isAbsent = (value: unknown) => value === undefined || value === null || value === "";

function readDisplayName(value: unknown): Outcome<string> {
  if (value === undefined || value === null) return bad("displayName", "missing");
  const text = cleanText(value, "displayName", CLAIM_LIMITS.displayNameLength);
  if (!text.ok) return text.error.problem === "too_long" ? bad("displayName", "too_long", { limit: CLAIM_LIMITS.displayNameGraphemes }) : text;
  if (text.value === "") return bad("displayName", "empty");
  if (DIRECTION_MARKS.test(text.value)) return bad("displayName", "control_characters");
  if (text.value.replace(INVISIBLE, "") === "") return bad("displayName", "invisible");
  if (STACKED_MARKS.test(text.value)) return bad("displayName", "too_many_marks", { limit: MAX_MARKS_PER_CHARACTER });
  // A grapheme is at least one code unit, so short names need no (comparatively slow) segmentation.
  if (text.value.length > CLAIM_LIMITS.displayNameGraphemes && graphemeCount(text.value, CLAIM_LIMITS.displayNameGraphemes) > CLAIM_LIMITS.displayNameGraphemes) {
    return bad("displayName", "too_long", { limit: CLAIM_LIMITS.displayNameGraphemes });
  }
  return text;
}

function readEmail(value: unknown): Outcome<string | null> {
  if (isAbsent(value)) return { ok: true, value: null };
  const text = cleanText(value, "email", CLAIM_LIMITS.emailLength);
  if (!text.ok) return text;
  if (text.value === "") return { ok: true, value: null };
  if (!EMAIL.test(text.value)) return bad("email", "not_an_email");
  return text;
}

function readAvatarUrl(value: unknown): Outcome<string | null> {
  if (isAbsent(value)) return { ok: true, value: null };
  const text = cleanText(value, "avatarUrl", CLAIM_LIMITS.avatarUrlLength);
  if (!text.ok) return text;
  let url: URL;
  try {
    url = new URL(text.value);
  } catch {
    return bad("avatarUrl", "not_a_url");
  }
  if (url.protocol !== "https:") return bad("avatarUrl", "not_https");
  // Credentials in an image URL would be sent to every attendee's browser.
  if (url.username || url.password || !url.hostname) return bad("avatarUrl", "not_a_url");
  if (url.href.length > CLAIM_LIMITS.avatarUrlLength) return bad("avatarUrl", "too_long", { limit: CLAIM_LIMITS.avatarUrlLength });
  return { ok: true, value: url.href };
}

function readUserProfile(value: unknown, notes: VerifyNote[]): Outcome<Array<[string, string]>> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) return bad("userProfile", "not_a_pair");
  if (value.length > CLAIM_LIMITS.profileEntries) return bad("userProfile", "too_many", { limit: CLAIM_LIMITS.profileEntries });
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [index, entry] of value.entries()) {
    const field = `userProfile[${index}]`;
    if (!Array.isArray(entry) || entry.length !== 2) return bad(field, "not_a_pair");
    const key = cleanText(entry[0], `${field}[0]`, CLAIM_LIMITS.profileKeyLength);
    if (!key.ok) return key;
    if (key.value === "") return bad(`${field}[0]`, "empty");
    const text = cleanText(entry[1], `${field}[1]`, CLAIM_LIMITS.profileValueLength);
    if (!text.ok) return text;
    if (seen.has(key.value)) {
      notes.push({ code: "duplicate_profile_key", message: `userProfile names "${key.value}" more than once; the first value is used.` });
      continue;
    }
    seen.add(key.value);
    pairs.push([key.value, text.value]);
  }
  return { ok: true, value: pairs };
}

const FEATURE_OF: Partial<Record<AttendeeRole, { flag: keyof EffectiveFeatures; name: string }>> = {
  transcriber: { flag: "transcription", name: "Transcription" },
  interpreter: { flag: "interpretation", name: "Interpretation" },
};

function readRoles(value: unknown, features: EffectiveFeatures, notes: VerifyNote[]): Outcome<AttendeeRole[]> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) return bad("roles", "wrong_type");
  if (value.length > CLAIM_LIMITS.roles) return bad("roles", "too_many", { limit: CLAIM_LIMITS.roles });
  const roles: AttendeeRole[] = [];
  for (const role of value) {
    if (typeof role !== "string") return bad("roles", "wrong_type");
    if (!(ATTENDEE_ROLES as readonly string[]).includes(role)) return bad("roles", "unknown_role", { value: role.slice(0, 40) });
    const r = role as AttendeeRole;
    if (roles.includes(r)) continue;
    const feature = FEATURE_OF[r];
    if (feature && !features[feature.flag]) {
      notes.push({
        code: "role_not_enabled",
        message: `The token gives the ${r} role, but ${feature.name} is not enabled for both the organization and this event, so the attendee joins without it.`,
      });
      continue;
    }
    roles.push(r);
  }
  return { ok: true, value: roles };
}

function readJti(value: unknown): Outcome<string | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== "string") return bad("jti", "wrong_type");
  if (value === "") return bad("jti", "empty");
  if (value.length > CLAIM_LIMITS.jtiLength) return bad("jti", "too_long", { limit: CLAIM_LIMITS.jtiLength });
  return { ok: true, value };
}

export type AttendeeClaimsOutcome = Result<{ claims: AttendeeClaims; jti?: string; notes: VerifyNote[] }, ReasonDetails["invalid_claims"]>;

/** The platform doc's claims, checked and normalized; the first problem found is reported. */
export function readAttendeeClaims(payload: Record<string, unknown>, features: EffectiveFeatures): AttendeeClaimsOutcome {
  const notes: VerifyNote[] = [];
  const displayName = readDisplayName(payload.displayName);
  if (!displayName.ok) return displayName;
  const email = readEmail(payload.email);
  if (!email.ok) return email;
  const avatarUrl = readAvatarUrl(payload.avatarUrl);
  if (!avatarUrl.ok) return avatarUrl;
  const userProfile = readUserProfile(payload.userProfile, notes);
  if (!userProfile.ok) return userProfile;
  const roles = readRoles(payload.roles, features, notes);
  if (!roles.ok) return roles;
  const jti = readJti(payload.jti);
  if (!jti.ok) return jti;
  const claims: AttendeeClaims = {
    displayName: displayName.value,
    email: email.value,
    avatarUrl: avatarUrl.value,
    userProfile: userProfile.value,
    roles: roles.value,
  };
  return jti.value === undefined ? { ok: true, claims, notes } : { ok: true, claims, jti: jti.value, notes };
}
