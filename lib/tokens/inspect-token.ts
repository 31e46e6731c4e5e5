import { formatDuration, formatUtc } from "@/lib/format";
import { MAX_TOKEN_LENGTH } from "./parse-token";
import { describeDuration, describeInstant, explainFailure, type ReasonExplanation } from "./reasons";
import type { TimeFacts } from "./time-claims";
import type { CheckId, CheckOutcome, VerifyContext, VerifyNote, VerifyResult } from "./types";
import { evaluateAttendeeToken } from "./verify-token";

export const CHECK_LABELS: Record<CheckId, string> = {
  format: "Token format",
  algorithm: "Algorithm",
  key: "Key",
  signature: "Signature",
  exp: "Expiry (exp)",
  nbf: "Not before (nbf)",
  iat: "Issued at (iat)",
  lifetime: "Lifetime",
  cutoff: "Issued after the event's cutoff",
  claims: "Attendee claims",
};

/** A part of the token as decoded for display, whether or not it is valid. */
export type DecodedPart = { kind: "json"; value: unknown } | { kind: "text"; value: string } | { kind: "undecodable" };

export interface InspectedCheck {
  id: CheckId;
  label: string;
  status: "pass" | "fail" | "skip";
  text: string;
}

export interface TokenInspection {
  /** Decoded leniently and NOT verified: show it, never act on it. */
  header: DecodedPart;
  payload: DecodedPart;
  /** True only when the signature verified with one of the event's keys, i.e. the payload is what its signer wrote. */
  signatureVerified: boolean;
  result: VerifyResult;
  /** For a failure: what the attendee would be told. */
  explanation: ReasonExplanation | null;
  checks: InspectedCheck[];
  notes: VerifyNote[];
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodeForDisplay(segment: string | undefined): DecodedPart {
  if (segment === undefined || segment === "") return { kind: "undecodable" };
  // Lenient on purpose (padding, whitespace): the developer should see what they pasted even when format fails.
  const cleaned = segment.replace(/\s+/g, "").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  if (!/^[A-Za-z0-9_-]+$/.test(cleaned)) return { kind: "undecodable" };
  let text: string;
  try {
    text = strictUtf8.decode(Buffer.from(cleaned, "base64url"));
  } catch {
    return { kind: "undecodable" };
  }
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch {
    return { kind: "text", value: text };
  }
}

const NOT_CHECKED = "Not checked: an earlier step failed.";

function passOrSkipText(id: CheckId, status: "pass" | "skip", result: VerifyResult, context: VerifyContext, times: TimeFacts, kidHeader: string | null): string {
  const { now, policy } = context;
  const at = (seconds: number) => describeInstant(new Date(seconds * 1000), now);
  switch (id) {
    case "format":
      return "Three base64url parts; the header and payload are JSON objects.";
    case "algorithm":
      return status === "pass" ? "RS256, the only algorithm accepted." : NOT_CHECKED;
    case "key": {
      if (status === "skip") return NOT_CHECKED;
      const key = result.ok ? context.keys.find((k) => k.id === result.keyId) : undefined;
      if (key) return `Key "${key.kid}" (${key.status})${kidHeader ? ", named by the token's kid" : ", found by trying the event's keys (the token has no kid)"}.`;
      if (!result.ok && result.reason === "bad_signature" && "kid" in result.detail && result.detail.kid) return `Key "${result.detail.kid}" of this event.`;
      return "One of this event's keys.";
    }
    case "signature":
      return status === "pass" ? "The RS256 signature verifies." : NOT_CHECKED;
    case "exp":
      if (status === "skip") return times.exp === undefined && !policy.requireExp ? "No exp claim; this event's policy allows tokens without expiry." : NOT_CHECKED;
      return `Expires at ${at(times.exp!)} (leeway ${formatDuration(policy.leewaySeconds)}).`;
    case "nbf":
      return status === "pass" ? `Valid from ${at(times.nbf!)}.` : "No nbf claim: valid from the start.";
    case "iat":
      return status === "pass" ? `Issued at ${at(times.iat!)}.` : "No iat claim.";
    case "lifetime":
      if (status === "skip") return times.exp === undefined ? "No exp claim, so no lifetime to check." : NOT_CHECKED;
      return `Valid for ${describeDuration(times.lifetimeSeconds!)}${times.lifetimeFrom === "now" ? " from now (no iat)" : ""}; this event allows up to ${formatDuration(policy.longLivedMaxSeconds)}.`;
    case "cutoff":
      if (!policy.rejectTokensIssuedBefore) return "This event has not cancelled earlier tokens.";
      return status === "pass" ? `Issued after ${formatUtc(policy.rejectTokensIssuedBefore)}, when the event cancelled earlier tokens.` : NOT_CHECKED;
    case "claims":
      if (result.ok) {
        const { displayName, userProfile, roles } = result.claims;
        return `displayName "${displayName}", ${userProfile.length} profile field${userProfile.length === 1 ? "" : "s"}, roles: ${roles.length ? roles.join(", ") : "none"}.`;
      }
      // A skip means the claims were never read (the token's shape failed first): never call them acceptable then.
      return status === "skip" ? NOT_CHECKED : "displayName and the optional claims are acceptable.";
  }
}

function describeCheck(check: CheckOutcome, result: VerifyResult, context: VerifyContext, times: TimeFacts, kidHeader: string | null): InspectedCheck {
  const text =
    check.status === "fail"
      ? explainFailure(check.failure, context.now).explanation
      : passOrSkipText(check.id, check.status, result, context, times, kidHeader);
  return { id: check.id, label: CHECK_LABELS[check.id], status: check.status, text };
}

/**
 * The token debugger's view: the token decoded for display (untrusted), the verdict of
 * verifyAttendeeToken, and every check with a sentence. Pure: it redeems nothing and records nothing.
 */
export async function inspectAttendeeToken(token: unknown, context: VerifyContext): Promise<TokenInspection> {
  const segments = typeof token === "string" && token.length <= MAX_TOKEN_LENGTH * 2 ? token.split(".") : [];
  const header = decodeForDisplay(segments[0]);
  const payload = decodeForDisplay(segments[1]);
  const kidHeader = header.kind === "json" && typeof (header.value as { kid?: unknown })?.kid === "string" ? (header.value as { kid: string }).kid : null;

  const evaluation = await evaluateAttendeeToken(token, context);
  const { result, checks, times } = evaluation;
  return {
    header,
    payload,
    signatureVerified: checks.some((c) => c.id === "signature" && c.status === "pass"),
    result,
    explanation: result.ok ? null : explainFailure(result, context.now),
    checks: checks.map((check) => describeCheck(check, result, context, times, kidHeader)),
    notes: result.ok ? result.notes : [],
  };
}
