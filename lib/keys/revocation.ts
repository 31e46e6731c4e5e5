import type { KeyStatus } from "./lifecycle";

export interface TokenLifetimePolicy {
  oneOffLifetimeSeconds: number;
  longLivedMaxSeconds: number;
  leewaySeconds: number;
  requireExp: boolean;
}

/** The longest a token the event accepts can stay valid: the longer of its two lifetimes, plus leeway. */
export function longestTokenLifetimeSeconds(policy: TokenLifetimePolicy): number {
  return Math.max(policy.oneOffLifetimeSeconds, policy.longLivedMaxSeconds) + policy.leewaySeconds;
}

export type RevocationSafety =
  | { kind: "not_retired" }
  /** No token signed with the key can still be valid: revoking turns nobody away. */
  | { kind: "safe"; since: Date; lastUsedAt: Date | null }
  /** A token signed before retirement (or seen recently) may still be valid until safeAt. */
  | { kind: "wait"; safeAt: Date; lastUsedAt: Date | null }
  /** The event accepts tokens without exp, so no amount of waiting proves the key unused. */
  | { kind: "unbounded"; lastUsedAt: Date | null };

/**
 * Whether a retired key can be revoked without turning away an attendee: it is safe once neither
 * its retirement nor its last successful verification is within the event's longest token lifetime.
 */
export function revocationSafety(
  key: { status: KeyStatus; retiredAt: Date | null; lastVerifiedAt: Date | null },
  policy: TokenLifetimePolicy,
  now: Date,
): RevocationSafety {
  if (key.status !== "retired" || !key.retiredAt) return { kind: "not_retired" };
  const lastUsedAt = key.lastVerifiedAt;
  if (!policy.requireExp) return { kind: "unbounded", lastUsedAt };
  const quietSince = Math.max(key.retiredAt.getTime(), lastUsedAt?.getTime() ?? 0);
  const safeAt = new Date(quietSince + longestTokenLifetimeSeconds(policy) * 1000);
  return safeAt.getTime() <= now.getTime() ? { kind: "safe", since: safeAt, lastUsedAt } : { kind: "wait", safeAt, lastUsedAt };
}
