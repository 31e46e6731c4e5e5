import { describe, expect, it } from "vitest";
import { longestLifetimeText, revocationNote, usageText } from "./presentation";

const now = new Date("2027-03-01T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const policy = { oneOffLifetimeSeconds: 300, longLivedMaxSeconds: 3600, leewaySeconds: 60, requireExp: true };

describe("keys page wording", () => {
  it("says when a key was last used and how often, or that it never was", () => {
    expect(usageText({ lastVerifiedAt: null, verifyCount: 0 }, now)).toBe("Never used");
    expect(usageText({ lastVerifiedAt: ago(3), verifyCount: 1204 }, now)).toBe("3 minutes ago · 1,204 sign-ins");
    expect(usageText({ lastVerifiedAt: ago(60), verifyCount: 1 }, now)).toBe("1 hour ago · 1 sign-in");
  });

  it("names the longest token lifetime with its leeway", () => {
    expect(longestLifetimeText(policy)).toBe("1 hour plus 1 minute leeway");
    expect(longestLifetimeText({ ...policy, leewaySeconds: 0, longLivedMaxSeconds: 7 * 86400 })).toBe("7 days");
  });

  it("tells whether revoking is safe, and if not, when it will be", () => {
    expect(revocationNote({ status: "retired", retiredAt: ago(120), lastVerifiedAt: ago(119) }, policy, now)).toEqual({
      tone: "safe",
      text: "Safe to revoke: last used 1 hour ago, and no token signed with it can still be valid.",
    });
    const wait = revocationNote({ status: "retired", retiredAt: ago(30), lastVerifiedAt: ago(5) }, policy, now)!;
    expect(wait.tone).toBe("wait");
    expect(wait.text).toContain("last used 5 minutes ago");
    expect(wait.text).toContain("valid until 1 Mar 2027, 12:56 UTC (in 56 minutes)");
    expect(revocationNote({ status: "retired", retiredAt: ago(30), lastVerifiedAt: null }, policy, now)!.text).toContain("retired 30 minutes ago, never used");
    expect(revocationNote({ status: "retired", retiredAt: ago(9999), lastVerifiedAt: null }, { ...policy, requireExp: false }, now)!.tone).toBe("unbounded");
    expect(revocationNote({ status: "standby", retiredAt: null, lastVerifiedAt: null }, policy, now)!.tone).toBe("never_used");
    expect(revocationNote({ status: "active", retiredAt: null, lastVerifiedAt: ago(1) }, policy, now)).toBeNull();
  });
});
