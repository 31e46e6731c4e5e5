import { formatDuration, formatUtc, formatUtcTime, relativeTo } from "@/lib/format";

/**
 * The fixed list of reasons an attendee can be turned away at the entry. The verifier produces the
 * first nine; the entry route adds already_used, link_revoked, event_not_found, rate_limited, and
 * temporarily_unavailable (our own outage, still a 4xx page: attendees never see a 5xx).
 * Codes are part of the public contract (error page, debugger, HTTP API): never rename one.
 */
export const REASON_CODES = [
  "malformed",
  "bad_signature",
  "unknown_key",
  "key_revoked",
  "expired",
  "not_yet_valid",
  "lifetime_exceeded",
  "issued_before_cutoff",
  "invalid_claims",
  "already_used",
  "link_revoked",
  "event_not_found",
  "rate_limited",
  "temporarily_unavailable",
  "session_ended",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** What exactly is wrong with the token's shape (detail of `malformed`). */
export type MalformedProblem =
  | "not_a_string"
  | "empty"
  | "too_long"
  | "segment_count"
  | "empty_segment"
  | "not_base64url"
  | "not_utf8"
  | "not_json"
  | "not_an_object"
  | "duplicate_key"
  | "forbidden_header"
  | "kid_invalid"
  // The confirmation POST of a one-off link (the entry's own checks, not the token's shape):
  | "no_pending_link"
  | "cross_site_post"
  | "pending_not_one_off";

export type TokenSegment = "header" | "payload" | "signature";

/** What is wrong with one claim (detail of `invalid_claims`). */
export type ClaimProblem =
  | "missing"
  | "wrong_type"
  | "empty"
  | "too_long"
  | "too_many"
  | "control_characters"
  | "invisible"
  | "too_many_marks"
  | "not_an_email"
  | "not_https"
  | "not_a_url"
  | "not_a_pair"
  | "unknown_role"
  | "out_of_range"
  | "milliseconds";

/** The facts behind each reason: times, key ids, field names. Shown by the error page and the debugger. */
export interface ReasonDetails {
  malformed: { problem: MalformedProblem; segment?: TokenSegment; limit?: number; name?: string };
  bad_signature:
    | { problem: "alg_not_allowed"; alg: string | null }
    | { problem: "content_changed" | "different_key" | "key_unusable"; kid: string | null; keyId: string | null };
  unknown_key: { problem: "kid_not_found" | "no_keys" | "no_key_matches"; kid: string | null; keysTried: number };
  key_revoked: { kid: string; keyId: string };
  expired: { expiresAt: Date; leewaySeconds: number };
  not_yet_valid: { claim: "nbf" | "iat"; at: Date; leewaySeconds: number };
  lifetime_exceeded: { lifetimeSeconds: number; maxSeconds: number; measuredFrom: "iat" | "now" };
  issued_before_cutoff: { issuedAt: Date | null; cutoff: Date };
  invalid_claims: { field: string; problem: ClaimProblem; limit?: number; value?: string };
  already_used: { usedAt?: Date | null };
  link_revoked: { revokedAt?: Date | null };
  event_not_found: Record<string, never>;
  rate_limited: { retryAfterSeconds: number };
  temporarily_unavailable: { retryAfterSeconds: number };
  session_ended: { endedAt?: Date | null };
}

export interface ReasonInfo {
  /** 4xx only: a bad token is never the server's fault. */
  status: number;
  /** One line, for the attendee's error page heading. */
  title: string;
  /** What the attendee should do next (the page adds the event's contact). */
  action: string;
}

const ASK_FOR_NEW_LINK = "Go back to the site that sent you here and open the event link again. If that does not help, contact the event organizer.";
const CONTACT_ORGANIZER = "Contact the event organizer and ask for a new link.";

export const REASONS: Record<ReasonCode, ReasonInfo> = {
  malformed: { status: 400, title: "This sign-in link is incomplete or damaged", action: "Copy the whole link again, or open it from the original message or page. " + CONTACT_ORGANIZER },
  bad_signature: { status: 401, title: "This sign-in link could not be verified", action: ASK_FOR_NEW_LINK },
  unknown_key: { status: 401, title: "This sign-in link was signed with a key this event does not know", action: ASK_FOR_NEW_LINK },
  key_revoked: { status: 401, title: "This sign-in link was signed with a key that has been revoked", action: ASK_FOR_NEW_LINK },
  expired: { status: 401, title: "This sign-in link has expired", action: ASK_FOR_NEW_LINK },
  not_yet_valid: { status: 401, title: "This sign-in link is not valid yet", action: "Wait a moment and open the link again. If it keeps failing, contact the event organizer." },
  lifetime_exceeded: { status: 401, title: "This sign-in link is valid for longer than this event allows", action: ASK_FOR_NEW_LINK },
  issued_before_cutoff: { status: 401, title: "This sign-in link was cancelled by the event organizer", action: ASK_FOR_NEW_LINK },
  invalid_claims: { status: 422, title: "This sign-in link carries details the event cannot accept", action: CONTACT_ORGANIZER },
  already_used: { status: 409, title: "This sign-in link has already been used", action: "Each test link works once. " + CONTACT_ORGANIZER },
  link_revoked: { status: 410, title: "This sign-in link has been revoked", action: CONTACT_ORGANIZER },
  event_not_found: { status: 404, title: "This event does not exist", action: "Check the address. If you followed a link, contact whoever sent it to you." },
  rate_limited: { status: 429, title: "Too many sign-in attempts", action: "Wait a minute and try again." },
  temporarily_unavailable: { status: 429, title: "Sign-in is briefly unavailable", action: "Open the link again in a minute. Nothing was used up: the same link still works." },
  session_ended: { status: 401, title: "The event organizer ended your session", action: ASK_FOR_NEW_LINK },
};

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && (REASON_CODES as readonly string[]).includes(value);
}

export function reasonStatus(reason: ReasonCode): number {
  return REASONS[reason].status;
}

/** "14:05 UTC" for today, "1 Dec 2026, 14:05 UTC" otherwise, plus "6 minutes ago". */
export function describeInstant(at: Date, now: Date): string {
  if (!Number.isFinite(at.getTime())) return "an unknown time";
  if (!Number.isFinite(now.getTime())) return formatUtc(at);
  const sameDay = at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  return `${sameDay ? formatUtcTime(at) : formatUtc(at)}, ${relativeTo(at, now)}`;
}

/** "7 days and 1 second", "5 minutes": the two largest non-zero units, seconds rounded up. */
export function describeDuration(seconds: number): string {
  let rest = Math.max(0, Math.ceil(seconds));
  const parts: string[] = [];
  for (const [size, name] of [[86400, "day"], [3600, "hour"], [60, "minute"], [1, "second"]] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && parts.length < 2) parts.push(`${n} ${name}${n === 1 ? "" : "s"}`);
  }
  return parts.length === 0 ? "0 seconds" : parts.join(" and ");
}

const MALFORMED_TEXT: Record<MalformedProblem, (d: ReasonDetails["malformed"]) => string> = {
  not_a_string: () => "No sign-in token was given.",
  empty: () => "The sign-in token is empty.",
  too_long: (d) => `The sign-in token is longer than the ${d.limit ?? 8192} characters a token may have.`,
  segment_count: () => "A sign-in token has three parts separated by dots; this one does not.",
  empty_segment: (d) => `The token's ${d.segment ?? "part"} is empty.`,
  not_base64url: (d) => `The token's ${d.segment ?? "part"} is not valid base64url (no padding, spaces or other characters allowed).`,
  not_utf8: (d) => `The token's ${d.segment ?? "part"} is not valid UTF-8 text.`,
  not_json: (d) => `The token's ${d.segment ?? "part"} is not JSON.`,
  not_an_object: (d) => `The token's ${d.segment ?? "part"} is not a JSON object.`,
  duplicate_key: (d) => `The token's ${d.segment ?? "part"} names "${d.name ?? "a field"}" twice.`,
  forbidden_header: (d) => `The token's header carries "${d.name ?? "a parameter"}". Keys are only ever taken from this event's settings, so tokens that point to other keys are refused.`,
  kid_invalid: () => `The token's "kid" header is not a short text.`,
  no_pending_link: () =>
    "The confirmation arrived without the link it confirms: the confirmation page was open for more than 10 minutes, or this browser does not keep cookies for this site. Open the link again.",
  cross_site_post: () => "The confirmation was sent from another website, not from this event's own page, so it was not accepted. Open the link yourself and press Continue.",
  pending_not_one_off: () => "Only one-time test links are confirmed on this page; what this browser sent for confirmation is not one. Open the link you were given again.",
};

const CLAIM_TEXT: Record<ClaimProblem, (d: ReasonDetails["invalid_claims"]) => string> = {
  missing: (d) => `"${d.field}" is required but missing.`,
  wrong_type: (d) => `"${d.field}" has the wrong type.`,
  empty: (d) => `"${d.field}" is empty.`,
  too_long: (d) => `"${d.field}" is too long (at most ${d.limit} characters).`,
  too_many: (d) => `"${d.field}" has too many entries (at most ${d.limit}).`,
  control_characters: (d) => `"${d.field}" contains invisible control or text-direction characters.`,
  invisible: (d) => `"${d.field}" is made only of invisible characters, so nobody could read it.`,
  too_many_marks: (d) => `"${d.field}" stacks more than ${d.limit} accents or other combining marks on one character.`,
  not_an_email: (d) => `"${d.field}" is not an email address.`,
  not_https: (d) => `"${d.field}" must be an https:// address.`,
  not_a_url: (d) => `"${d.field}" is not a web address.`,
  not_a_pair: (d) => `"${d.field}" must be a list of [name, value] text pairs.`,
  unknown_role: (d) => `"${d.field}" contains "${d.value ?? "?"}"; the roles are host, presenter, transcriber and interpreter.`,
  out_of_range: (d) => `"${d.field}" is not a valid time.`,
  milliseconds: (d) =>
    `"${d.field}" is ${d.value ?? "a number"}, which looks like milliseconds: JWT times are whole seconds since 1970. In JavaScript, use Math.floor(Date.now() / 1000).`,
};

const EXPLAIN: { [R in ReasonCode]: (detail: ReasonDetails[R], now: Date) => string } = {
  malformed: (d) => MALFORMED_TEXT[d.problem](d),
  bad_signature: (d) => {
    if (d.problem === "alg_not_allowed") return `The token is signed with ${d.alg ? `"${d.alg}"` : "no algorithm"}; only RS256 (an RSA key pair) is accepted.`;
    if (d.problem === "content_changed") return "The token was changed after it was signed, so its signature no longer matches.";
    if (d.problem === "key_unusable") return "The event's key for this token cannot be used to verify it.";
    return "The token's signature does not match the event's key it names: it was signed with a different private key.";
  },
  unknown_key: (d) => {
    if (d.problem === "kid_not_found") return `The token names key "${d.kid}", which is not one of this event's keys.`;
    if (d.problem === "no_keys") return "This event has no active key, so it cannot accept sign-in links yet.";
    return `None of this event's ${d.keysTried} key${d.keysTried === 1 ? "" : "s"} signed this token.`;
  },
  key_revoked: (d) => `The token is signed with key "${d.kid}", which the event organizer has revoked.`,
  expired: (d, now) => `It expired at ${describeInstant(d.expiresAt, now)}.`,
  not_yet_valid: (d, now) =>
    d.claim === "nbf"
      ? `It becomes valid at ${describeInstant(d.at, now)}.`
      : `It says it was issued at ${describeInstant(d.at, now)}, which is in the future: the issuer's clock is probably wrong.`,
  lifetime_exceeded: (d) =>
    `It is valid for ${describeDuration(d.lifetimeSeconds)}${d.measuredFrom === "now" ? " from now" : ""}; this event allows at most ${formatDuration(d.maxSeconds)}.`,
  issued_before_cutoff: (d, now) =>
    d.issuedAt
      ? `It was issued at ${describeInstant(d.issuedAt, now)}, before ${formatUtc(d.cutoff)}, when the organizer cancelled all earlier links.`
      : `It carries no issue time, and the organizer cancelled all links issued before ${formatUtc(d.cutoff)}.`,
  invalid_claims: (d) => CLAIM_TEXT[d.problem](d),
  already_used: (d, now) => (d.usedAt ? `It was used at ${describeInstant(d.usedAt, now)}.` : "It has been used before."),
  link_revoked: (d, now) => (d.revokedAt ? `The organizer revoked it at ${describeInstant(d.revokedAt, now)}.` : "The organizer revoked it."),
  event_not_found: () => "There is no event at this address.",
  rate_limited: (d) => `Try again in ${formatDuration(Math.max(1, Math.ceil(d.retryAfterSeconds)))}.`,
  temporarily_unavailable: (d) => `The event's sign-in service could not check your link just now. Try again in ${formatDuration(Math.max(1, Math.ceil(d.retryAfterSeconds)))}.`,
  session_ended: (d, now) => (d.endedAt ? `The organizer ended your session at ${describeInstant(d.endedAt, now)}.` : "The organizer ended your session."),
};

export interface ReasonExplanation extends ReasonInfo {
  code: ReasonCode;
  explanation: string;
}

/** A reason with its matching detail, as in a verification failure. */
export type ReasonFailure = { [R in ReasonCode]: { reason: R; detail: ReasonDetails[R] } }[ReasonCode];

/** explainReason for a failure object (a VerifyFailure, or the entry route's own failures). */
export function explainFailure(failure: ReasonFailure, now: Date): ReasonExplanation {
  // The union pairs each reason with its own detail; TypeScript cannot follow that through an index.
  const explain = EXPLAIN[failure.reason] as (detail: ReasonFailure["detail"], now: Date) => string;
  return { code: failure.reason, ...REASONS[failure.reason], explanation: explain(failure.detail, now) };
}

/** Everything the error page, the debugger and the API say about a failure, with concrete times. */
export function explainReason<R extends ReasonCode>(reason: R, detail: ReasonDetails[R], now: Date): ReasonExplanation {
  return { code: reason, ...REASONS[reason], explanation: EXPLAIN[reason](detail, now) };
}
