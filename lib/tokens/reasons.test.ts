import { describe, expect, it } from "vitest";
import { REASON_CODES, REASONS, describeDuration, explainFailure, explainReason, isReasonCode, reasonStatus, type ReasonFailure } from "./reasons";

const now = new Date("2026-12-01T14:11:30Z");

describe("reason codes", () => {
  it("are the fixed list of the attendee entry contract", () => {
    // Public contract: codes are only ever added at the end, never renamed or reordered.
    expect(REASON_CODES.join(" ")).toBe(
      "malformed bad_signature unknown_key key_revoked expired not_yet_valid lifetime_exceeded issued_before_cutoff invalid_claims " +
        "already_used link_revoked event_not_found rate_limited temporarily_unavailable session_ended",
    );
    expect(isReasonCode("expired")).toBe(true);
    expect(isReasonCode("EXPIRED")).toBe(false);
  });

  it("each has a 4xx status, a title and something the attendee can do", () => {
    for (const code of REASON_CODES) {
      const { status, title, action } = REASONS[code];
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(500);
      expect(title.length, code).toBeGreaterThan(10);
      expect(action.length, code).toBeGreaterThan(10);
    }
    expect(reasonStatus("event_not_found")).toBe(404);
    expect(reasonStatus("rate_limited")).toBe(429);
  });
});

describe("explanations with concrete times", () => {
  const cases: Array<[ReasonFailure, string]> = [
    [{ reason: "malformed", detail: { problem: "too_long", limit: 8192 } }, "The sign-in token is longer than the 8192 characters a token may have."],
    [{ reason: "malformed", detail: { problem: "forbidden_header", segment: "header", name: "jku" } }, 'The token\'s header carries "jku".'],
    [{ reason: "bad_signature", detail: { problem: "alg_not_allowed", alg: "HS256" } }, 'The token is signed with "HS256"; only RS256 (an RSA key pair) is accepted.'],
    [{ reason: "bad_signature", detail: { problem: "content_changed", kid: "k1", keyId: "key1" } }, "The token was changed after it was signed"],
    [{ reason: "unknown_key", detail: { problem: "kid_not_found", kid: "k9", keysTried: 0 } }, 'The token names key "k9", which is not one of this event\'s keys.'],
    [{ reason: "unknown_key", detail: { problem: "no_key_matches", kid: null, keysTried: 2 } }, "None of this event's 2 keys signed this token."],
    [{ reason: "key_revoked", detail: { kid: "k1", keyId: "key1" } }, 'The token is signed with key "k1", which the event organizer has revoked.'],
    [{ reason: "expired", detail: { expiresAt: new Date("2026-12-01T14:05:00Z"), leewaySeconds: 60 } }, "It expired at 14:05 UTC, 6 minutes ago."],
    [{ reason: "expired", detail: { expiresAt: new Date("2026-11-28T09:00:00Z"), leewaySeconds: 60 } }, "It expired at 28 Nov 2026, 09:00 UTC, 3 days ago."],
    [{ reason: "not_yet_valid", detail: { claim: "nbf", at: new Date("2026-12-01T14:20:00Z"), leewaySeconds: 60 } }, "It becomes valid at 14:20 UTC, in 8 minutes."],
    [{ reason: "not_yet_valid", detail: { claim: "iat", at: new Date("2026-12-01T15:11:30Z"), leewaySeconds: 60 } }, "issued at 15:11 UTC, in 1 hour, which is in the future"],
    [{ reason: "lifetime_exceeded", detail: { lifetimeSeconds: 604801, maxSeconds: 604800, measuredFrom: "iat" } }, "It is valid for 7 days and 1 second; this event allows at most 7 days."],
    [
      { reason: "issued_before_cutoff", detail: { issuedAt: new Date("2026-12-01T13:00:00Z"), cutoff: new Date("2026-12-01T14:00:00Z") } },
      "It was issued at 13:00 UTC, 1 hour ago, before 1 Dec 2026, 14:00 UTC, when the organizer cancelled all earlier links.",
    ],
    [{ reason: "issued_before_cutoff", detail: { issuedAt: null, cutoff: new Date("2026-12-01T14:00:00Z") } }, "It carries no issue time"],
    [{ reason: "invalid_claims", detail: { field: "displayName", problem: "too_long", limit: 80 } }, '"displayName" is too long (at most 80 characters).'],
    [{ reason: "invalid_claims", detail: { field: "roles", problem: "unknown_role", value: "admin" } }, '"roles" contains "admin"; the roles are host, presenter, transcriber and interpreter.'],
    [{ reason: "already_used", detail: { usedAt: new Date("2026-12-01T14:10:00Z") } }, "It was used at 14:10 UTC, 1 minute ago."],
    [{ reason: "link_revoked", detail: { revokedAt: null } }, "The organizer revoked it."],
    [{ reason: "event_not_found", detail: {} }, "There is no event at this address."],
    [{ reason: "rate_limited", detail: { retryAfterSeconds: 29.2 } }, "Try again in 30 seconds."],
    [{ reason: "temporarily_unavailable", detail: { retryAfterSeconds: 30 } }, "could not check your link just now. Try again in 30 seconds."],
    [{ reason: "session_ended", detail: { endedAt: new Date(now.getTime() - 120_000) } }, "The organizer ended your session at"],
  ];

  it.each(cases)("%j", (failure, expected) => {
    const explained = explainFailure(failure, now);
    expect(explained.explanation).toContain(expected);
    expect(explained.code).toBe(failure.reason);
    expect(explained.status).toBe(REASONS[failure.reason].status);
  });

  it("covers every reason code", () => {
    expect(new Set(cases.map(([f]) => f.reason))).toEqual(new Set(REASON_CODES));
  });

  it("explainReason and explainFailure agree", () => {
    const detail = { expiresAt: new Date("2026-12-01T14:05:00Z"), leewaySeconds: 60 };
    expect(explainReason("expired", detail, now)).toEqual(explainFailure({ reason: "expired", detail }, now));
  });

  it("names durations by their two largest units", () => {
    expect(describeDuration(300)).toBe("5 minutes");
    expect(describeDuration(301)).toBe("5 minutes and 1 second");
    expect(describeDuration(90061)).toBe("1 day and 1 hour");
    expect(describeDuration(0.2)).toBe("1 second");
  });
});
