import { describe, expect, it } from "vitest";
import type { VerifyFailure, VerifySuccess } from "@/lib/tokens/types";
import { attemptRow, minuteOf } from "./attempt";
import { browserFamily, coarseNetwork } from "./client-facts";

const AT = new Date("2027-04-01T15:00:42.123Z");
const CLAIMS = { displayName: "Larry David", email: "larry@example.com", avatarUrl: null, userProfile: [], roles: [] };
const base = { eventId: "ev", at: AT, step: "open" as const, clientAddress: "203.0.113.77", userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" };

describe("attempt records", () => {
  it("a sign-in keeps the verified key, jti, claims, link and session, and a coarse network", () => {
    const verified: VerifySuccess = { ok: true, claims: CLAIMS, keyId: "key1", kid: "kid1", jti: "j-1", notes: [] };
    const row = attemptRow({ ...base, outcome: "signed_in", facts: { verified, link: { id: "link1", kind: "long_lived" }, sessionId: "s1" } });
    expect(row).toMatchObject({ outcome: "signed_in", reason: null, source: "long_lived_link", keyId: "key1", kid: "kid1", linkId: "link1", jti: "j-1", sessionId: "s1" });
    expect(row).toMatchObject({ displayName: "Larry David", email: "larry@example.com", attendee: "larry david larry@example.com", network: "203.0.113.0/24", browser: "Chrome" });
  });

  it("an unverified refusal keeps the kid it named but never its claims", () => {
    const failure: VerifyFailure = { ok: false, reason: "bad_signature", detail: { problem: "content_changed", kid: "kid1", keyId: "key1" } };
    const row = attemptRow({ ...base, outcome: "refused", failure });
    expect(row).toMatchObject({ reason: "bad_signature", kid: "kid1", keyId: "key1", displayName: null, email: null, attendee: null, jti: null, source: null });
    expect(JSON.parse(row.detail!)).toEqual({ problem: "content_changed", kid: "kid1", keyId: "key1" });
  });

  it("a refusal after the signature verified (expired) may show who it was", () => {
    const failure: VerifyFailure = { ok: false, reason: "expired", detail: { expiresAt: new Date("2027-04-01T14:50:00Z"), leewaySeconds: 60 }, signedBy: { keyId: "key1", kid: "kid1", claims: CLAIMS } };
    const row = attemptRow({ ...base, outcome: "refused", failure });
    expect(row).toMatchObject({ keyId: "key1", kid: "kid1", displayName: "Larry David" });
    expect(JSON.parse(row.detail!)).toEqual({ expiresAt: "2027-04-01T14:50:00.000Z", leewaySeconds: 60 });
  });

  it("counters are kept per minute", () => {
    expect(minuteOf(AT).toISOString()).toBe("2027-04-01T15:00:00.000Z");
  });
});

describe("client facts", () => {
  it("keeps IPv4 /24 and IPv6 /48 networks, never the address", () => {
    expect(coarseNetwork("203.0.113.77")).toBe("203.0.113.0/24");
    expect(coarseNetwork("::ffff:198.51.100.9")).toBe("198.51.100.0/24");
    expect(coarseNetwork("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd::/48");
    expect(coarseNetwork("unknown")).toBeNull();
    expect(coarseNetwork("")).toBeNull();
  });

  it("names the browser family only", () => {
    expect(browserFamily("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15")).toBe("Safari");
    expect(browserFamily("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox");
    expect(browserFamily("curl/8.5.0")).toBe("curl");
    expect(browserFamily(null)).toBeNull();
  });
});
