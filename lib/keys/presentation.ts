import { formatDuration, formatUtc, relativeTo } from "@/lib/format";
import type { KeyStatus } from "./lifecycle";
import { longestTokenLifetimeSeconds, revocationSafety, type TokenLifetimePolicy } from "./revocation";

/** Words for the keys page, from key state and the event's policy; pure so the wording is tested. */

export function usageText(key: { lastVerifiedAt: Date | null; verifyCount: number }, now: Date): string {
  if (!key.lastVerifiedAt || key.verifyCount === 0) return "Never used";
  const count = `${key.verifyCount.toLocaleString("en-US")} sign-in${key.verifyCount === 1 ? "" : "s"}`;
  return `${relativeTo(key.lastVerifiedAt, now)} · ${count}`;
}

export function longestLifetimeText(policy: TokenLifetimePolicy): string {
  const seconds = longestTokenLifetimeSeconds(policy);
  const base = Math.max(policy.oneOffLifetimeSeconds, policy.longLivedMaxSeconds);
  return policy.leewaySeconds > 0 ? `${formatDuration(base)} plus ${formatDuration(policy.leewaySeconds)} leeway` : formatDuration(seconds);
}

export interface RevocationNote {
  tone: "safe" | "wait" | "unbounded" | "never_used";
  text: string;
}

/** What revoking this key would do to attendees, for the revoke confirmation and the retired key's row. */
export function revocationNote(
  key: { status: KeyStatus; retiredAt: Date | null; lastVerifiedAt: Date | null },
  policy: TokenLifetimePolicy,
  now: Date,
): RevocationNote | null {
  if (key.status === "standby") return { tone: "never_used", text: "It was never active, so no attendee is affected." };
  const safety = revocationSafety(key, policy, now);
  const lastUsed = key.lastVerifiedAt ? `last used ${relativeTo(key.lastVerifiedAt, now)}` : "never used";
  switch (safety.kind) {
    case "safe":
      return { tone: "safe", text: `Safe to revoke: ${lastUsed}, and no token signed with it can still be valid.` };
    case "wait": {
      const since = key.lastVerifiedAt && key.retiredAt && key.lastVerifiedAt > key.retiredAt ? lastUsed : `retired ${relativeTo(key.retiredAt!, now)}, ${lastUsed}`;
      return {
        tone: "wait",
        text: `Not safe to revoke yet: ${since}. A token it signed may be valid until ${formatUtc(safety.safeAt)} (${relativeTo(safety.safeAt, now)}). Revoke now only if the key leaked.`,
      };
    }
    case "unbounded":
      return {
        tone: "unbounded",
        text: `This event accepts tokens without exp, so a token signed with this key may never expire (${lastUsed}). Revoke when you are sure none is still in use.`,
      };
    default:
      return null;
  }
}
