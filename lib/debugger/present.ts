import { ADMIN_ADVICE } from "@/lib/activity/advice";
import { formatUtc } from "@/lib/format";
import type { Severity } from "@/lib/severity";
import type { InspectedCheck, TokenInspection } from "@/lib/tokens/inspect-token";
import type { CheckId, VerifierReason } from "@/lib/tokens/types";

/**
 * What the token debugger shows an admin, decided here so it can be tested without a browser:
 * the verdict in the admin's words with what to fix (the attendee's own words are for the error
 * page), each check as passed, failed, not applicable, not run (greyed) or read from an
 * unverified payload (greyed: a check on claims nobody vouches for proves nothing), and whether
 * the claims may be drawn as the host's at all.
 */

/** passed/failed: the check ran. not_applicable: nothing to check (no nbf claim). not_run: an earlier failure made it impossible. unverified: it ran, on claims whose signature did not verify. */
export type CheckState = "passed" | "failed" | "not_applicable" | "not_run" | "unverified";

export interface CheckView {
  id: CheckId;
  label: string;
  state: CheckState;
  /** The raw status (pass, fail, skip), as the HTTP API reports it. */
  status: InspectedCheck["status"];
  text: string;
}

export interface VerdictView {
  accepted: boolean;
  /** The reason code the attendee's error page would show (null when accepted). */
  code: VerifierReason | null;
  title: string;
  /** What is wrong, with concrete times and names. */
  explanation: string;
  /** What the admin or the platform's developers should change (null when accepted). */
  fix: string | null;
}

/** Whether the payload's claims can be shown as what the host sent. */
export type ClaimsTrust = "verified" | "unverified" | "unreadable";

export interface DebuggerView {
  verdict: VerdictView;
  checks: CheckView[];
  claims: ClaimsTrust;
  /** Why no attendee preview is drawn (null when it is). */
  previewWithheld: string | null;
  notes: Array<{ level: Severity; code: string; message: string }>;
}

/** Verdict headings for the admin; REASONS' titles ("This sign-in link has expired") are the attendee's. */
const REFUSAL_TITLES: Record<VerifierReason, string> = {
  malformed: "This is not a token the entry can read",
  bad_signature: "The signature does not verify",
  unknown_key: "Signed with a key this event does not have",
  key_revoked: "Signed with a revoked key",
  expired: "The token has expired",
  not_yet_valid: "The token is not valid yet",
  lifetime_exceeded: "The token is valid for longer than this event allows",
  issued_before_cutoff: "Issued before the event cancelled earlier tokens",
  invalid_claims: "A claim the entry cannot accept",
};

/** In the debugger the token was pasted, not carried by a mail client: say how to paste it. */
const DEBUGGER_FIX: Partial<Record<VerifierReason, string>> = {
  malformed:
    "Paste the whole token: three base64url parts separated by dots (header.payload.signature), or the whole event link with ?token=. If your platform made this token, check that it sends compact JWS, not JSON. If it came through mail or chat, the link was cut or changed on its way.",
};

/** A failure here ends verification: nothing after it runs. (A bad signature does not: the payload is still read, untrusted.) */
const STOPPING_CHECKS: ReadonlySet<CheckId> = new Set(["format", "algorithm", "key"]);

/** The checks that read the payload: without a verified signature they ran on claims anyone could have written. */
const PAYLOAD_CHECKS: ReadonlySet<CheckId> = new Set(["exp", "nbf", "iat", "lifetime", "cutoff", "claims"]);

/** The dashboard debugger's view of an inspection (the HTTP API's is presentInspection in lib/api/present.ts). */
export function debuggerView(inspection: TokenInspection): DebuggerView {
  const { result } = inspection;
  const firstFailure = inspection.checks.find((c) => c.status === "fail");
  const signatureFailed = !inspection.signatureVerified && inspection.checks.some((c) => c.id === "signature" && c.status === "fail");

  const checks = inspection.checks.map((check, index): CheckView => {
    const failedBefore = inspection.checks.slice(0, index).find((c) => c.status === "fail");
    if (signatureFailed && PAYLOAD_CHECKS.has(check.id)) {
      const outcome = check.status === "pass" ? " (would pass)" : check.status === "fail" ? " (would fail)" : "";
      return { ...base(check), state: "unverified", text: `Unverified${outcome}: read from a payload whose signature did not verify. ${check.text}` };
    }
    if (check.status === "skip") {
      // A skip after a failure that stops verification (format, algorithm, key) could not run at all.
      if (failedBefore && STOPPING_CHECKS.has(failedBefore.id)) {
        return { ...base(check), state: "not_run", text: `Not run: the ${failedBefore.label.toLowerCase()} check failed first.` };
      }
      return { ...base(check), state: "not_applicable" };
    }
    return { ...base(check), state: check.status === "pass" ? "passed" : "failed" };
  });

  const claims: ClaimsTrust = inspection.payload.kind !== "json" ? "unreadable" : inspection.signatureVerified ? "verified" : "unverified";
  const previewWithheld =
    claims === "verified"
      ? null
      : claims === "unverified"
        ? "Not drawn: the signature did not verify, so these claims are not known to come from your platform. The decoded payload below shows what was pasted."
        : "Not drawn: the payload could not be read.";

  let verdict: VerdictView;
  if (result.ok) {
    verdict = {
      accepted: true,
      code: null,
      title: "The entry would accept this token",
      explanation: `It signs in ${result.claims.displayName}${result.expiresAt ? ` until ${formatUtc(result.expiresAt)}` : ""}, verified with key ${result.kid.slice(0, 8)}.`,
      fix: null,
    };
  } else {
    verdict = {
      accepted: false,
      code: result.reason,
      title: REFUSAL_TITLES[result.reason],
      explanation: firstFailure?.text ?? inspection.explanation?.explanation ?? "",
      fix: DEBUGGER_FIX[result.reason] ?? ADMIN_ADVICE[result.reason],
    };
  }

  // Every note of an accepted token (retired key, long-lived, no expiry, a role dropped, a duplicate key) is something to change: a warning.
  const notes = inspection.notes.map((n) => ({ level: "warning" as const, code: n.code, message: n.message }));
  return { verdict, checks, claims, previewWithheld, notes };
}

function base(check: InspectedCheck) {
  return { id: check.id, label: check.label, status: check.status, text: check.text };
}
