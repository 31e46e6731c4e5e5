import { describe, expect, it } from "vitest";
import { inspectAttendeeToken } from "@/lib/tokens/inspect-token";
import { NOW_S, claims, context, signToken, withPayload } from "@/test/tokens";
import { debuggerView } from "./present";

const view = async (token: string, ctx = context()) => debuggerView(await inspectAttendeeToken(token, ctx));
const states = (v: Awaited<ReturnType<typeof view>>) => Object.fromEntries(v.checks.map((c) => [c.id, c.state]));

describe("token debugger presentation", () => {
  it("garbage: one failed format check, every other check greyed as not run, nothing called acceptable", async () => {
    const v = await view("not a token");
    expect(v.verdict).toMatchObject({ accepted: false, code: "malformed", title: "This is not a token the entry can read" });
    expect(v.verdict.fix).toContain("Paste the whole token");
    expect(states(v)).toEqual({
      format: "failed",
      algorithm: "not_run",
      key: "not_run",
      signature: "not_run",
      exp: "not_run",
      nbf: "not_run",
      iat: "not_run",
      lifetime: "not_run",
      cutoff: "not_run",
      claims: "not_run",
    });
    const claimsCheck = v.checks.find((c) => c.id === "claims")!;
    expect(claimsCheck.text).toBe("Not run: the token format check failed first.");
    expect(JSON.stringify(v)).not.toMatch(/acceptable/i);
    expect(v.claims).toBe("unreadable");
    expect(v.previewWithheld).toContain("could not be read");
  });

  it("tampered: the payload's checks are marked unverified and its claims are never drawn as the host's", async () => {
    const good = signToken(claims({ roles: ["host"] }));
    const tampered = withPayload(good, claims({ displayName: "Mallory", roles: ["host"] }));
    const v = await view(tampered);
    expect(v.verdict).toMatchObject({ accepted: false, code: "bad_signature", title: "The signature does not verify" });
    expect(v.verdict.fix).toContain("Keys tab");
    expect(states(v)).toMatchObject({ format: "passed", algorithm: "passed", key: "passed", signature: "failed", exp: "unverified", claims: "unverified" });
    expect(v.checks.find((c) => c.id === "claims")!.text).toBe("Unverified (would pass): read from a payload whose signature did not verify. displayName and the optional claims are acceptable.");
    // No nbf claim: nothing to check, and nothing about it is trusted either; it did not fail to run.
    expect(v.checks.find((c) => c.id === "nbf")).toMatchObject({ state: "unverified", text: "Unverified: read from a payload whose signature did not verify. No nbf claim: valid from the start." });
    expect(v.claims).toBe("unverified");
    expect(v.previewWithheld).toContain("signature did not verify");
  });

  it("speaks to the admin, not in the attendee's words", async () => {
    const expired = signToken(claims({ iat: NOW_S - 3600, exp: NOW_S - 3000 }));
    const v = await view(expired);
    expect(v.verdict.title).toBe("The token has expired");
    expect(v.verdict.title).not.toMatch(/sign-in link/);
    expect(v.verdict.explanation).toMatch(/^It expired at /);
    expect(v.verdict.fix).toMatch(/mint them on the attendee's click/);
    // Signed correctly: the claims are the host's even though the token is refused.
    expect(v.claims).toBe("verified");
    expect(v.previewWithheld).toBeNull();
    expect(states(v)).toMatchObject({ signature: "passed", exp: "failed" });
  });

  it("an unknown key: the signature could not be checked, the payload was not trusted", async () => {
    const v = await view(signToken(claims(), { header: { alg: "RS256", typ: "JWT", kid: "somebody-else" } }));
    expect(v.verdict.code).toBe("unknown_key");
    expect(states(v)).toMatchObject({ key: "failed", signature: "not_run" });
    expect(v.claims).toBe("unverified");
  });

  it("an accepted token: passed checks, not-applicable ones stay neutral, notes are warnings", async () => {
    const v = await view(signToken(claims({ roles: ["transcriber"] })));
    expect(v.verdict).toMatchObject({ accepted: true, code: null, fix: null, title: "The entry would accept this token" });
    expect(v.verdict.explanation).toBe("It signs in Larry David until 1 Dec 2026, 14:10 UTC, verified with key kid-a.");
    expect(states(v)).toMatchObject({ signature: "passed", nbf: "not_applicable", cutoff: "not_applicable" });
    expect(v.notes).toEqual([expect.objectContaining({ level: "warning", code: "role_not_enabled" })]);
  });
});
