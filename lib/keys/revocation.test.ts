import { describe, expect, it } from "vitest";
import { longestTokenLifetimeSeconds, revocationSafety, type TokenLifetimePolicy } from "./revocation";

const policy: TokenLifetimePolicy = { oneOffLifetimeSeconds: 300, longLivedMaxSeconds: 3600, leewaySeconds: 60, requireExp: true };
const retiredAt = new Date("2027-03-01T10:00:00Z");
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

describe("safe to revoke", () => {
  it("uses the longer lifetime plus leeway", () => {
    expect(longestTokenLifetimeSeconds(policy)).toBe(3660);
    expect(longestTokenLifetimeSeconds({ ...policy, oneOffLifetimeSeconds: 3600, longLivedMaxSeconds: 3600 })).toBe(3660);
  });

  it("is safe only once the longest token lifetime has passed since retirement", () => {
    const key = { status: "retired" as const, retiredAt, lastVerifiedAt: null };
    expect(revocationSafety(key, policy, plus(retiredAt, 3659))).toEqual({ kind: "wait", safeAt: plus(retiredAt, 3660), lastUsedAt: null });
    expect(revocationSafety(key, policy, plus(retiredAt, 3660))).toEqual({ kind: "safe", since: plus(retiredAt, 3660), lastUsedAt: null });
  });

  it("counts from the last use when the key was used after retirement", () => {
    const lastVerifiedAt = plus(retiredAt, 1800);
    const key = { status: "retired" as const, retiredAt, lastVerifiedAt };
    expect(revocationSafety(key, policy, plus(retiredAt, 4000))).toMatchObject({ kind: "wait", safeAt: plus(lastVerifiedAt, 3660), lastUsedAt: lastVerifiedAt });
    expect(revocationSafety(key, policy, plus(lastVerifiedAt, 3660)).kind).toBe("safe");
  });

  it("never calls a key safe when the event accepts tokens without exp", () => {
    const key = { status: "retired" as const, retiredAt, lastVerifiedAt: null };
    expect(revocationSafety(key, { ...policy, requireExp: false }, plus(retiredAt, 365 * 86400)).kind).toBe("unbounded");
  });

  it("only applies to retired keys", () => {
    for (const status of ["standby", "active", "revoked"] as const) {
      expect(revocationSafety({ status, retiredAt, lastVerifiedAt: null }, policy, plus(retiredAt, 99999)).kind).toBe("not_retired");
    }
  });
});
