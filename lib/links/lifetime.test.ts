import { describe, expect, it } from "vitest";
import { linkLifetime, linkTimes, longLivedChoices } from "./lifetime";

const policy = { oneOffLifetimeSeconds: 300, longLivedMaxSeconds: 7 * 86400 };

describe("test link lifetimes", () => {
  it("gives one-off links the policy's one-off lifetime, whatever was asked", () => {
    expect(linkLifetime("one_off", 99999, policy)).toEqual({ ok: true, seconds: 300 });
    expect(linkLifetime("one_off", null, { ...policy, oneOffLifetimeSeconds: 120 })).toEqual({ ok: true, seconds: 120 });
  });

  it("lets long-lived links last up to the policy maximum, one day by default", () => {
    expect(linkLifetime("long_lived", null, policy)).toEqual({ ok: true, seconds: 86400 });
    expect(linkLifetime("long_lived", 7 * 86400, policy)).toEqual({ ok: true, seconds: 7 * 86400 });
    expect(linkLifetime("long_lived", 7 * 86400 + 1, policy)).toMatchObject({ ok: false, error: expect.stringContaining("at most 7 days") });
    expect(linkLifetime("long_lived", 30, policy)).toMatchObject({ ok: false });
    expect(linkLifetime("long_lived", 3600.5, policy)).toMatchObject({ ok: false });
    expect(linkLifetime("long_lived", null, { ...policy, longLivedMaxSeconds: 7200 })).toEqual({ ok: true, seconds: 7200 });
  });

  it("offers durations within the maximum, ending with the maximum", () => {
    expect(longLivedChoices({ longLivedMaxSeconds: 7 * 86400 }).map((c) => c.label)).toEqual(["1 hour", "8 hours", "1 day", "3 days", "7 days (the event's maximum)"]);
    expect(longLivedChoices({ longLivedMaxSeconds: 5400 }).map((c) => c.seconds)).toEqual([3600, 5400]);
  });

  it("never issues a link before the event's cut-off, which has millisecond precision", () => {
    const now = new Date("2026-12-01T14:05:30.900Z");
    const second = Date.parse("2026-12-01T14:05:30Z") / 1000;
    expect(linkTimes(now, 300, { rejectTokensIssuedBefore: null })).toEqual({ iat: second, exp: second + 300 });
    // Cut-off 14:05:30.400: iat 14:05:30 would be refused as issued_before_cutoff.
    expect(linkTimes(now, 300, { rejectTokensIssuedBefore: new Date("2026-12-01T14:05:30.400Z") })).toEqual({ iat: second + 1, exp: second + 301 });
    expect(linkTimes(now, 300, { rejectTokensIssuedBefore: new Date("2026-12-01T10:00:00Z") }).iat).toBe(second);
  });
});
