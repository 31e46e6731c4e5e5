import { describe, expect, it } from "vitest";
import { inspectAttendeeToken } from "./inspect-token";
import { NOW_S, claims, context, signToken, verificationKey, withPayload } from "@/test/tokens";
import { CHECK_IDS } from "./types";
import { verifyAttendeeToken } from "./verify-token";

const statuses = (inspection: Awaited<ReturnType<typeof inspectAttendeeToken>>) => Object.fromEntries(inspection.checks.map((c) => [c.id, c.status]));

describe("token debugger view", () => {
  it("lists every check in order, with sentences, for a good token", async () => {
    const ctx = context({ features: { transcription: false, interpretation: false } });
    const token = signToken(claims({ roles: ["host", "transcriber"], nbf: NOW_S - 30 }));
    const inspection = await inspectAttendeeToken(token, ctx);
    expect(inspection.result.ok).toBe(true);
    expect(inspection.signatureVerified).toBe(true);
    expect(inspection.explanation).toBeNull();
    expect(inspection.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(statuses(inspection)).toEqual({
      format: "pass",
      algorithm: "pass",
      key: "pass",
      signature: "pass",
      exp: "pass",
      nbf: "pass",
      iat: "pass",
      lifetime: "pass",
      cutoff: "skip",
      claims: "pass",
    });
    const text = Object.fromEntries(inspection.checks.map((c) => [c.id, c.text]));
    expect(text.key).toBe('Key "kid-a" (active), named by the token\'s kid.');
    expect(text.exp).toBe("Expires at 14:10 UTC, in 5 minutes (leeway 1 minute).");
    expect(text.lifetime).toBe("Valid for 5 minutes; this event allows up to 7 days.");
    expect(text.claims).toBe('displayName "Larry David", 3 profile fields, roles: host.');
    // The debugger says why a requested role was dropped.
    expect(inspection.notes.map((n) => n.code)).toEqual(["role_not_enabled"]);
    expect(inspection.header).toEqual({ kind: "json", value: { alg: "RS256", typ: "JWT", kid: "kid-a" } });
    expect(inspection.payload).toMatchObject({ kind: "json", value: { displayName: "Larry David" } });
  });

  it("agrees with verifyAttendeeToken and consumes nothing (same answer twice)", async () => {
    const ctx = context();
    const token = signToken(claims());
    const first = await inspectAttendeeToken(token, ctx);
    const second = await inspectAttendeeToken(token, ctx);
    expect(second).toEqual(first);
    expect(first.result).toEqual(await verifyAttendeeToken(token, ctx));
  });

  it("shows a tampered token's content, marked unverified, and still checks its claims", async () => {
    const tampered = withPayload(signToken(claims()), claims({ exp: NOW_S - 3600, displayName: "Jerry" }));
    const inspection = await inspectAttendeeToken(tampered, context());
    expect(inspection.signatureVerified).toBe(false);
    expect(inspection.result).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(inspection.explanation?.title).toBe("This sign-in link could not be verified");
    expect(statuses(inspection)).toMatchObject({ key: "pass", signature: "fail", exp: "fail", claims: "pass" });
    expect(inspection.checks.find((c) => c.id === "exp")?.text).toBe("It expired at 13:05 UTC, 1 hour ago.");
    expect(inspection.payload).toMatchObject({ kind: "json", value: { displayName: "Jerry" } });
  });

  it("decodes what it can of a token that fails the format check", async () => {
    const [h, p, s] = signToken(claims()).split(".");
    const inspection = await inspectAttendeeToken(`${h}==.${p}.${s}`, context());
    expect(inspection.result).toMatchObject({ ok: false, reason: "malformed", detail: { problem: "not_base64url", segment: "header" } });
    expect(inspection.header).toMatchObject({ kind: "json", value: { alg: "RS256" } });
    expect(statuses(inspection)).toEqual({ ...Object.fromEntries(CHECK_IDS.map((id) => [id, "skip"])), format: "fail" });
    expect(inspection.checks[1]?.text).toBe("Not checked: an earlier step failed.");
    expect((await inspectAttendeeToken("not a token", context())).header).toEqual({ kind: "undecodable" });
  });

  it("explains a key problem under the key check", async () => {
    const ctx = context({ keys: [verificationKey("a", "revoked")] });
    const inspection = await inspectAttendeeToken(signToken(claims()), ctx);
    expect(statuses(inspection)).toMatchObject({ key: "fail", signature: "skip" });
    expect(inspection.checks.find((c) => c.id === "key")?.text).toBe('The token is signed with key "kid-a", which the event organizer has revoked.');
  });

  it("does not throw on a broken clock", async () => {
    const inspection = await inspectAttendeeToken(signToken(claims()), context({ now: new Date(Number.NaN) }));
    expect(inspection.result.ok).toBe(false);
    expect(inspection.explanation?.explanation).toContain("It expired at 1 Dec 2026, 14:10 UTC.");
  });

  it("says when the event has a cutoff and the token is newer", async () => {
    const ctx = context({ policy: { rejectTokensIssuedBefore: new Date("2026-12-01T12:00:00Z") } });
    const inspection = await inspectAttendeeToken(signToken(claims()), ctx);
    expect(inspection.checks.find((c) => c.id === "cutoff")).toMatchObject({
      status: "pass",
      text: "Issued after 1 Dec 2026, 12:00 UTC, when the event cancelled earlier tokens.",
    });
  });
});
