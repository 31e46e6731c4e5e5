import type { Result } from "@/lib/result";
import type { CheckOutcome, TokenPolicy, VerifyFailure } from "./types";

/** 9999-12-31T23:59:59Z: a NumericDate beyond it cannot be shown as a date, so it is not a time. */
const MAX_NUMERIC_DATE = 253402300799;

export interface TimeFacts {
  exp?: number;
  nbf?: number;
  iat?: number;
  /** exp − iat, or exp − now when the token has no iat. */
  lifetimeSeconds?: number;
  lifetimeFrom?: "iat" | "now";
}

type Read = Result<{ value: number | undefined }, VerifyFailure>;

function readNumericDate(payload: Record<string, unknown>, field: "exp" | "nbf" | "iat"): Read {
  const value = payload[field];
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return { ok: false, error: { ok: false, reason: "invalid_claims", detail: { field, problem: "wrong_type" } } };
  }
  if (value > MAX_NUMERIC_DATE && value / 1000 <= MAX_NUMERIC_DATE) {
    // The most common integration bug: Date.now() (milliseconds) where JWT wants seconds.
    return { ok: false, error: { ok: false, reason: "invalid_claims", detail: { field, problem: "milliseconds", value: String(value) } } };
  }
  if (value < 0 || value > MAX_NUMERIC_DATE) {
    return { ok: false, error: { ok: false, reason: "invalid_claims", detail: { field, problem: "out_of_range" } } };
  }
  return { ok: true, value };
}

const at = (seconds: number) => new Date(seconds * 1000);
const fail = (id: CheckOutcome["id"], failure: VerifyFailure): CheckOutcome => ({ id, status: "fail", failure });

/**
 * exp, nbf and iat against `now` with the event's leeway (RFC 7519: valid while now < exp + leeway,
 * from nbf − leeway on), a future iat refused, the lifetime capped by the long-lived maximum (no
 * leeway), and the "reject tokens issued before" cutoff (no leeway either: it is a revocation; a token
 * without iat cannot show it is newer, so it is refused while a cutoff is set).
 * Each comparison asks "is it proven valid?", so a NaN anywhere (an invalid clock or policy) refuses.
 */
export function checkTimeClaims(payload: Record<string, unknown>, policy: TokenPolicy, now: Date): { checks: CheckOutcome[]; facts: TimeFacts } {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const leeway = policy.leewaySeconds;
  const facts: TimeFacts = {};
  const checks: CheckOutcome[] = [];

  const exp = readNumericDate(payload, "exp");
  if (!exp.ok) checks.push(fail("exp", exp.error));
  else if (exp.value === undefined) {
    checks.push(
      policy.requireExp
        ? fail("exp", { ok: false, reason: "invalid_claims", detail: { field: "exp", problem: "missing" } })
        : { id: "exp", status: "skip" },
    );
  } else {
    facts.exp = exp.value;
    checks.push(
      !(exp.value > nowSeconds - leeway)
        ? fail("exp", { ok: false, reason: "expired", detail: { expiresAt: at(exp.value), leewaySeconds: leeway } })
        : { id: "exp", status: "pass" },
    );
  }

  const nbf = readNumericDate(payload, "nbf");
  if (!nbf.ok) checks.push(fail("nbf", nbf.error));
  else if (nbf.value === undefined) checks.push({ id: "nbf", status: "skip" });
  else {
    facts.nbf = nbf.value;
    checks.push(
      !(nbf.value <= nowSeconds + leeway)
        ? fail("nbf", { ok: false, reason: "not_yet_valid", detail: { claim: "nbf", at: at(nbf.value), leewaySeconds: leeway } })
        : { id: "nbf", status: "pass" },
    );
  }

  const iat = readNumericDate(payload, "iat");
  if (!iat.ok) checks.push(fail("iat", iat.error));
  else if (iat.value === undefined) checks.push({ id: "iat", status: "skip" });
  else {
    facts.iat = iat.value;
    checks.push(
      !(iat.value <= nowSeconds + leeway)
        ? fail("iat", { ok: false, reason: "not_yet_valid", detail: { claim: "iat", at: at(iat.value), leewaySeconds: leeway } })
        : { id: "iat", status: "pass" },
    );
  }

  if (facts.exp === undefined || !iat.ok) checks.push({ id: "lifetime", status: "skip" });
  else {
    facts.lifetimeFrom = facts.iat === undefined ? "now" : "iat";
    facts.lifetimeSeconds = facts.exp - (facts.iat ?? nowSeconds);
    checks.push(
      !(facts.lifetimeSeconds <= policy.longLivedMaxSeconds)
        ? fail("lifetime", {
            ok: false,
            reason: "lifetime_exceeded",
            detail: { lifetimeSeconds: facts.lifetimeSeconds, maxSeconds: policy.longLivedMaxSeconds, measuredFrom: facts.lifetimeFrom },
          })
        : { id: "lifetime", status: "pass" },
    );
  }

  const cutoff = policy.rejectTokensIssuedBefore;
  if (!cutoff) checks.push({ id: "cutoff", status: "skip" });
  else if (!iat.ok) checks.push({ id: "cutoff", status: "skip" });
  else if (facts.iat === undefined || !(facts.iat * 1000 >= cutoff.getTime())) {
    checks.push(fail("cutoff", { ok: false, reason: "issued_before_cutoff", detail: { issuedAt: facts.iat === undefined ? null : at(facts.iat), cutoff } }));
  } else checks.push({ id: "cutoff", status: "pass" });

  return { checks, facts };
}
