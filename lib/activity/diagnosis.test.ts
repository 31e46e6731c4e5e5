import { describe, expect, it } from "vitest";
import { DIAGNOSIS_THRESHOLDS, diagnose, type DiagnosisAttempt, type DiagnosisKey } from "./diagnosis";

const NOW = new Date("2027-04-01T15:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const KEYS: DiagnosisKey[] = [
  { id: "k-new", kid: "NEWKIDabcdefghijklmnop", status: "active", label: "2027" },
  { id: "k-old", kid: "OLDKIDabcdefghijklmnop", status: "retired", label: "2026" },
];

function attempt(overrides: Partial<DiagnosisAttempt> = {}): DiagnosisAttempt {
  return { at: ago(60), outcome: "refused", reason: null, detail: null, source: null, keyId: null, kid: null, network: "10.1.2.0/24", ...overrides };
}
const times = <T,>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const codes = (attempts: DiagnosisAttempt[], keys = KEYS) => diagnose(attempts, keys, NOW).map((f) => f.code);

describe("diagnosis rules (frozen clock)", () => {
  it("wrong_key: most refusals are bad signatures without a kid; lists the active keys", () => {
    const attempts = times(3, () => attempt({ reason: "bad_signature", detail: { problem: "different_key", kid: null, keyId: null } }));
    const [finding] = diagnose(attempts, KEYS, NOW);
    expect(finding?.code).toBe("wrong_key");
    expect(finding?.message).toContain("3 of 3");
    expect(finding?.advice).toContain("NEWKIDab… (2027)");
    // Below the minimum, or a minority of the refusals: no finding.
    expect(codes(attempts.slice(0, DIAGNOSIS_THRESHOLDS.wrongKeyMinimum - 1))).toEqual([]);
    expect(codes([...attempts, ...times(4, () => attempt({ reason: "link_revoked" }))])).not.toContain("wrong_key");
    // With a kid, it is another problem (the kid names the key).
    expect(codes(times(3, () => attempt({ reason: "bad_signature", kid: "NEWKIDabcdefghijklmnop", detail: { problem: "different_key" } })))).toEqual([]);
  });

  it("unknown_kid: tokens naming a key the event does not have", () => {
    const attempts = times(3, () => attempt({ reason: "unknown_key", kid: "FOREIGNkid1234567", detail: { problem: "kid_not_found" } }));
    const [finding] = diagnose(attempts, KEYS, NOW);
    expect(finding?.code).toBe("unknown_kid");
    expect(finding?.message).toContain('"FOREIGNk…"');
  });

  it("retired_key_in_use: sign-ins with a retired key say do not revoke it yet, with the share", () => {
    const attempts = [
      ...times(1, () => attempt({ outcome: "signed_in", keyId: "k-old", kid: KEYS[1]!.kid })),
      ...times(3, () => attempt({ outcome: "signed_in", keyId: "k-new", kid: KEYS[0]!.kid })),
    ];
    const [finding] = diagnose(attempts, KEYS, NOW);
    expect(finding?.code).toBe("retired_key_in_use");
    expect(finding?.message).toContain("25 %");
    expect(finding?.advice).toContain("Do not revoke it yet");
    expect(codes(attempts.slice(1))).toEqual([]);
  });

  it("revoked_key_in_use: a token signed with a revoked key", () => {
    expect(codes([attempt({ reason: "key_revoked", kid: "REVOKEDkid123456", detail: { kid: "REVOKEDkid123456", keyId: "x" } })])).toEqual(["revoked_key_in_use"]);
  });

  it("milliseconds: gives the fix in the host's language", () => {
    const [finding] = diagnose([attempt({ reason: "invalid_claims", detail: { field: "exp", problem: "milliseconds", value: "1796200912000" } })], KEYS, NOW);
    expect(finding?.code).toBe("milliseconds");
    expect(finding?.message).toContain("1796200912000");
    expect(finding?.advice).toContain("Math.floor(Date.now() / 1000)");
  });

  it("clock_ahead: iat in the future on several tokens, with the typical offset", () => {
    const at = (i: number) => ago(100 + i);
    const attempts = times(3, (i) => attempt({ at: at(i), reason: "not_yet_valid", detail: { claim: "iat", at: new Date(at(i).getTime() + 300_000).toISOString(), leewaySeconds: 60 } }));
    const [finding] = diagnose(attempts, KEYS, NOW);
    expect(finding?.code).toBe("clock_ahead");
    expect(finding?.message).toContain("about 5 minutes");
    expect(codes(attempts.slice(0, 2))).toEqual([]);
    // nbf in the future is a token not valid yet by design, not a clock problem.
    expect(codes(times(3, () => attempt({ reason: "not_yet_valid", detail: { claim: "nbf", at: NOW.toISOString() } })))).toEqual([]);
  });

  it("expired_on_arrival: most refusals are expired tokens", () => {
    expect(codes(times(5, () => attempt({ reason: "expired", detail: { expiresAt: ago(600).toISOString() } })))).toEqual(["expired_on_arrival"]);
    expect(codes(times(4, () => attempt({ reason: "expired" })))).toEqual([]);
  });

  it("one_off_reused: one-off links refused as already used (a second click or a mail scanner)", () => {
    const attempts = times(2, () => attempt({ reason: "already_used", source: "one_off_link" }));
    const [finding] = diagnose(attempts, KEYS, NOW);
    expect(finding?.code).toBe("one_off_reused");
    expect(finding?.message).toContain("mail scanner");
    // A host token's jti used twice is not a one-off link.
    expect(codes(times(2, () => attempt({ reason: "already_used", source: "host_token" })))).toEqual([]);
  });

  it("noisy_network: a network that hit the rate limit is named (office or attack)", () => {
    const attempts = [...times(2, () => attempt({ reason: "rate_limited", network: "203.0.113.0/24" })), attempt({ reason: "link_revoked", network: "198.51.100.0/24" })];
    const findings = diagnose(attempts, KEYS, NOW).filter((f) => f.code === "noisy_network");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("203.0.113.0/24");
    expect(findings[0]!.advice).toContain("office");
    expect(codes(times(DIAGNOSIS_THRESHOLDS.noisyNetworkRefusals, () => attempt({ reason: "link_revoked", network: "192.0.2.0/24" })))).toContain("noisy_network");
  });

  it("reads only the last 15 minutes of the frozen clock", () => {
    const old = times(5, () => attempt({ at: ago(16 * 60), reason: "expired" }));
    expect(codes(old)).toEqual([]);
    const future = times(5, () => attempt({ at: new Date(NOW.getTime() + 60_000), reason: "expired" }));
    expect(codes(future)).toEqual([]);
  });

  it("a healthy event has no findings", () => {
    expect(codes(times(50, () => attempt({ outcome: "signed_in", keyId: "k-new" })))).toEqual([]);
  });
});
