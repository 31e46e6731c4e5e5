import { isReasonCode, type ReasonCode, type ReasonFailure } from "@/lib/tokens/reasons";
import type { VerifyFailure, VerifySuccess } from "@/lib/tokens/types";
import { browserFamily, coarseNetwork } from "./client-facts";

/** Which request of the entry: the GET with a token, the one-off confirmation POST, the continue page. */
export const ATTEMPT_STEPS = ["open", "confirm", "continue"] as const;
export type AttemptStep = (typeof ATTEMPT_STEPS)[number];
export const ATTEMPT_OUTCOMES = ["signed_in", "refused", "confirm_shown"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
export const ATTEMPT_SOURCES = ["host_token", "one_off_link", "long_lived_link"] as const;
export type AttemptSource = (typeof ATTEMPT_SOURCES)[number];

export const OUTCOME_LABELS: Record<AttemptOutcome, string> = { signed_in: "Signed in", refused: "Refused", confirm_shown: "Asked to confirm" };
export const SOURCE_LABELS: Record<AttemptSource, string> = { host_token: "Host token", one_off_link: "One-off link", long_lived_link: "Long-lived link" };

/** What the entry's decision learned about the token, beyond the outcome (set by lib/entry). */
export interface AttemptFacts {
  /** Set only when the token's signature verified (an accepted token, or one refused later: replay, revoked link). */
  verified?: Pick<VerifySuccess, "keyId" | "kid" | "claims"> & { jti?: string | null };
  link?: { id: string; kind: "one_off" | "long_lived" } | null;
  sessionId?: string;
}

export interface EntryAttemptInput {
  eventId: string;
  at: Date;
  step: AttemptStep;
  outcome: AttemptOutcome;
  failure?: ReasonFailure | VerifyFailure;
  facts?: AttemptFacts;
  clientAddress: string | null;
  userAgent: string | null;
}

/** One EntryAttempt row, as written. */
export interface EntryAttemptRow {
  eventId: string;
  at: Date;
  step: AttemptStep;
  outcome: AttemptOutcome;
  reason: ReasonCode | null;
  detail: string | null;
  source: AttemptSource | null;
  keyId: string | null;
  kid: string | null;
  linkId: string | null;
  jti: string | null;
  network: string | null;
  browser: string | null;
  displayName: string | null;
  email: string | null;
  attendee: string | null;
  sessionId: string | null;
}

/** An attempt as read back, for the table, the API, the CSV and the diagnosis: the row with its detail parsed. */
export type AttemptView = Omit<EntryAttemptRow, "eventId" | "detail" | "attendee"> & { id: string; detail: Record<string, unknown> | null };

type StoredColumns = { outcome: string; reason: string | null; source: string | null; detail: string | null };

/** Stored text back to the attempt's types: an unknown value (an older version's) reads as refused / none, a broken detail as none. */
export function readAttemptColumns<R extends StoredColumns>(row: R): Omit<R, keyof StoredColumns> & Pick<AttemptView, "outcome" | "reason" | "source" | "detail"> {
  let detail: Record<string, unknown> | null = null;
  try {
    detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null;
  } catch {
    detail = null;
  }
  return {
    ...row,
    outcome: (ATTEMPT_OUTCOMES as readonly string[]).includes(row.outcome) ? (row.outcome as AttemptOutcome) : "refused",
    reason: isReasonCode(row.reason) ? row.reason : null,
    source: (ATTEMPT_SOURCES as readonly string[]).includes(row.source ?? "") ? (row.source as AttemptSource) : null,
    detail,
  };
}

const MAX_DETAIL = 1000;

/** The key a refusal names (kid header) or that verified it, from the failure's own facts. */
function keyOfFailure(failure: ReasonFailure | VerifyFailure | undefined): { keyId: string | null; kid: string | null } {
  if (!failure) return { keyId: null, kid: null };
  const signedBy = "signedBy" in failure ? failure.signedBy : undefined;
  if (signedBy) return { keyId: signedBy.keyId, kid: signedBy.kid };
  if (failure.reason === "key_revoked") return { keyId: failure.detail.keyId, kid: failure.detail.kid };
  if (failure.reason === "unknown_key") return { keyId: null, kid: failure.detail.kid };
  if (failure.reason === "bad_signature" && failure.detail.problem !== "alg_not_allowed") return { keyId: failure.detail.keyId, kid: failure.detail.kid };
  return { keyId: null, kid: null };
}

/**
 * The row for one attempt. Never the token or its signature; the attendee's name and email only
 * when the signature verified (an unverified token's claims are whoever sent it).
 */
export function attemptRow(input: EntryAttemptInput): EntryAttemptRow {
  const { failure, facts } = input;
  const verified = facts?.verified;
  const signedBy = failure && "signedBy" in failure ? failure.signedBy : undefined;
  const claims = verified?.claims ?? signedBy?.claims;
  const key = verified ? { keyId: verified.keyId, kid: verified.kid } : keyOfFailure(failure);
  const link = facts?.link ?? null;
  const source: AttemptSource | null = link ? (link.kind === "one_off" ? "one_off_link" : "long_lived_link") : verified ? "host_token" : null;
  const detail = failure ? JSON.stringify(failure.detail) : null;
  const displayName = claims?.displayName ?? null;
  const email = claims?.email ?? null;
  return {
    eventId: input.eventId,
    at: input.at,
    step: input.step,
    outcome: input.outcome,
    reason: failure?.reason ?? null,
    detail: detail && detail !== "{}" ? detail.slice(0, MAX_DETAIL) : null,
    source,
    keyId: key.keyId,
    kid: key.kid,
    linkId: link?.id ?? null,
    jti: (verified?.jti ?? signedBy?.jti ?? null)?.slice(0, 200) ?? null,
    network: coarseNetwork(input.clientAddress),
    browser: browserFamily(input.userAgent),
    displayName,
    email,
    attendee: displayName ? `${displayName} ${email ?? ""}`.trim().toLowerCase() : null,
    sessionId: facts?.sessionId ?? null,
  };
}

/** The start of the attempt's minute: the key of its pre-aggregated counter. */
export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}
