import { readAttendeeClaims } from "./attendee-claims";
import { decodeJsonObject, parseCompactJws } from "./parse-token";
import { describeDuration, type ReasonDetails } from "./reasons";
import { checkAlgorithm, verifySignature } from "./signature";
import { checkTimeClaims, type TimeFacts } from "./time-claims";
import { CHECK_IDS, type CheckId, type CheckOutcome, type VerifyContext, type VerifyFailure, type VerifyNote, type VerifyResult, type VerifySuccess } from "./types";

export interface Evaluation {
  result: VerifyResult;
  /** Every step in CHECK_IDS order; claims are checked even when the signature failed, for the debugger. */
  checks: CheckOutcome[];
  /** The token's time claims as read (whether or not they were trusted). */
  times: TimeFacts;
}

const skipped = (from: CheckId): CheckOutcome[] => CHECK_IDS.slice(CHECK_IDS.indexOf(from)).map((id) => ({ id, status: "skip" as const }));

function malformed(detail: ReasonDetails["malformed"]): Evaluation {
  const failure: VerifyFailure = { ok: false, reason: "malformed", detail };
  return { result: failure, checks: [{ id: "format", status: "fail", failure }, ...skipped("algorithm")], times: {} };
}

/**
 * The whole verification with every step's outcome: verifyAttendeeToken returns its result, the
 * debugger shows its checks. Never throws: every outcome, however odd the input, is a result.
 */
export async function evaluateAttendeeToken(token: unknown, context: VerifyContext): Promise<Evaluation> {
  try {
    return await evaluate(token, context);
  } catch {
    // Nothing in evaluate() is expected to throw; should something, the token is refused, never a 500.
    return malformed({ problem: "not_json" });
  }
}

async function evaluate(token: unknown, context: VerifyContext): Promise<Evaluation> {
  const { policy, now } = context;

  const parsed = parseCompactJws(token);
  if (!parsed.ok) return malformed(parsed.error);
  const payload = decodeJsonObject(parsed.value.payloadBytes, "payload");
  if (!payload.ok) return malformed(payload.error);
  const checks: CheckOutcome[] = [{ id: "format", status: "pass" }];

  const alg = checkAlgorithm(parsed.value.header);
  if (!alg.ok) {
    checks.push({ id: "algorithm", status: "fail", failure: alg }, ...skipped("key"));
    return { result: alg, checks, times: {} };
  }
  checks.push({ id: "algorithm", status: "pass" });

  const signature = await verifySignature(token as string, parsed.value, context.keys);
  if (signature.ok) checks.push({ id: "key", status: "pass" }, { id: "signature", status: "pass" });
  else if (signature.reason === "bad_signature") checks.push({ id: "key", status: "pass" }, { id: "signature", status: "fail", failure: signature });
  else checks.push({ id: "key", status: "fail", failure: signature }, { id: "signature", status: "skip" });

  // Claims are read even when the signature failed: the debugger shows every problem at once.
  const time = checkTimeClaims(payload.value, policy, now);
  checks.push(...time.checks);
  const attendee = readAttendeeClaims(payload.value, context.features);
  checks.push(attendee.ok ? { id: "claims", status: "pass" } : { id: "claims", status: "fail", failure: { ok: false, reason: "invalid_claims", detail: attendee.error } });

  const firstFailure = checks.find((c) => c.status === "fail");
  if (firstFailure?.status === "fail") {
    const result: VerifyFailure = signature.ok
      ? { ...firstFailure.failure, signedBy: { keyId: signature.key.id, kid: signature.key.kid, ...(attendee.ok ? { claims: attendee.claims, ...(attendee.jti !== undefined ? { jti: attendee.jti } : {}) } : {}) } }
      : firstFailure.failure;
    return { result, checks, times: time.facts };
  }
  if (!signature.ok || !attendee.ok) throw new Error("a failed step without a failed check"); // cannot happen: both push a "fail"

  const { exp, iat, nbf, lifetimeSeconds } = time.facts;
  const notes: VerifyNote[] = [...attendee.notes];
  if (exp === undefined) {
    notes.push({ code: "no_expiry", message: "The token has no expiry (exp). This event's policy allows that, but anyone holding it can use it for ever." });
  }
  if (lifetimeSeconds !== undefined && lifetimeSeconds > policy.oneOffLifetimeSeconds) {
    notes.push({
      code: "long_lived",
      message: `The token is valid for ${describeDuration(lifetimeSeconds)}: anyone holding the link is signed in as this attendee until it expires. Never put it in an email or chat.`,
    });
  }
  if (signature.key.status === "retired") {
    notes.push({ code: "retired_key", message: `Signed with retired key "${signature.key.kid}", which verifies until it is revoked. Sign new tokens with the active key.` });
  }
  const success: VerifySuccess = { ok: true, claims: attendee.claims, keyId: signature.key.id, kid: signature.key.kid, notes };
  if (attendee.jti !== undefined) success.jti = attendee.jti;
  if (exp !== undefined) success.expiresAt = new Date(exp * 1000);
  if (iat !== undefined) success.issuedAt = new Date(iat * 1000);
  if (nbf !== undefined) success.notBefore = new Date(nbf * 1000);
  if (lifetimeSeconds !== undefined) success.lifetimeSeconds = lifetimeSeconds;
  return { result: success, checks, times: time.facts };
}

/**
 * Verifies an attendee token against an event's keys and policy, as the platform would: the entry,
 * the debugger and the API all call this. Pure (no I/O, the clock is `context.now`) and never throws.
 */
export async function verifyAttendeeToken(token: unknown, context: VerifyContext): Promise<VerifyResult> {
  return (await evaluateAttendeeToken(token, context)).result;
}
