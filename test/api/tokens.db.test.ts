import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as inspect from "@/app/api/v1/events/[slug]/tokens/inspect/route";
import { revokeApiKey } from "@/lib/api-keys/service";
import { decideEntry } from "@/lib/entry/decide-entry";
import { changeKeyStatus } from "@/lib/keys/service";
import { addProfileField } from "@/lib/profile/service";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { callApi, makeApiKey } from "@/test/api";
import { makeEvent, makeTenant, uid } from "@/test/factories";
import { signAttendeeToken } from "@/test/tokens";
import { addActiveKey } from "@/test/event-keys";

async function setup(role: "admin" | "viewer" = "viewer") {
  const { ctx } = await makeTenant();
  const event = await makeEvent(ctx);
  const signer = await addActiveKey(ctx, event.slug);
  const { key } = await makeApiKey(ctx, role);
  return { ctx, event, signer, key };
}

const inspectToken = (key: string, slug: string, body: unknown) =>
  callApi(inspect.POST, { method: "POST", key, path: `/events/${slug}/tokens/inspect`, params: { slug }, body });

const statuses = (data: { checks: Array<{ id: string; status: string }> }) => Object.fromEntries(data.checks.map((c) => [c.id, c.status]));

describe("POST /api/v1/events/{slug}/tokens/inspect", () => {
  it("explains an accepted token: decoded parts, every check, the verdict with the attendee", async () => {
    const { event, signer, key } = await setup();
    const jti = randomUUID();
    const token = await signAttendeeToken(signer, { displayName: "Larry David", userProfile: [["organization", "Seinfield"]], roles: ["presenter"] }, { jti });
    const response = await inspectToken(key, event.slug, { token });
    expect(response.status).toBe(200);
    const data = response.json!.data;
    expect(data.header).toEqual({ kind: "json", value: { alg: "RS256", typ: "JWT", kid: signer.kid } });
    expect(data.payload).toMatchObject({ kind: "json", value: { displayName: "Larry David", jti } });
    expect(data.signatureVerified).toBe(true);
    expect(data.verdict).toMatchObject({
      accepted: true,
      kid: signer.kid,
      keyStatus: "active",
      jti,
      lifetimeSeconds: 300,
      attendee: { displayName: "Larry David", email: null, userProfile: [["organization", "Seinfield"]], roles: ["presenter"] },
    });
    expect(statuses(data)).toEqual({ format: "pass", algorithm: "pass", key: "pass", signature: "pass", exp: "pass", nbf: "skip", iat: "pass", lifetime: "pass", cutoff: "skip", claims: "pass" });
    expect(data.checks.find((c: { id: string }) => c.id === "key").text).toContain(signer.kid);
    expect(JSON.stringify(data)).not.toContain(signer.keyId); // no internal ids
    expect(data.replay).toEqual({ kind: "host_jti", usedAt: null });
    expect(data.tile).toMatchObject({ name: "Larry David", headline: null, hoverFields: [] }); // the event shows no profile fields yet
    expect(Date.parse(data.checkedAt)).not.toBeNaN();
  });

  it("previews the stream tile with the event's profile fields, and takes a whole entry link", async () => {
    const { ctx, event, signer, key } = await setup("admin");
    await addProfileField(ctx, event.slug, { key: "organization", label: "Organization", kind: "text" });
    await addProfileField(ctx, event.slug, { key: "linkedin", label: "LinkedIn", kind: "linkedin" });
    const token = await signAttendeeToken(signer, { displayName: "Larry David", userProfile: [["linkedin", "larry-david"], ["organization", "Seinfield"], ["shoe", "42"]] });
    const data = (await inspectToken(key, event.slug, { token: `https://events.example.com/e/${event.slug}?token=${token}` })).json!.data;
    expect(data.verdict.accepted).toBe(true);
    expect(data.tile).toMatchObject({
      name: "Larry David",
      avatar: { kind: "initials", initials: "LD" },
      headline: { key: "linkedin", label: "LinkedIn", link: "https://www.linkedin.com/in/larry-david" },
      hoverFields: [{ key: "organization", value: "Seinfield" }],
      metLinks: [{ key: "linkedin", url: "https://www.linkedin.com/in/larry-david" }],
    });
    expect(data.warnings).toContainEqual(expect.objectContaining({ code: "key_dropped", key: "shoe" }));
  });

  it("gives a refused token's reason code and explanation, and the check that failed", async () => {
    const { event, signer, key } = await setup();
    const longAgo = new Date(Date.now() - 3600_000);
    const expired = await signAttendeeToken(signer, {}, { now: longAgo, lifetimeSeconds: 300 });
    const data = (await inspectToken(key, event.slug, { token: expired })).json!.data;
    expect(data.verdict).toMatchObject({ accepted: false, reason: "expired", title: "This sign-in link has expired" });
    expect(data.verdict.explanation).toContain("expired at");
    expect(data.verdict.attendeeAction).toContain("open the event link again");
    expect(statuses(data)).toMatchObject({ signature: "pass", exp: "fail" });

    const [h, p] = (await signAttendeeToken(signer)).split(".");
    const forged = `${h}.${p}.${Buffer.from("not the signature").toString("base64url")}`;
    const bad = (await inspectToken(key, event.slug, { token: forged })).json!.data;
    expect(bad.verdict).toMatchObject({ accepted: false, reason: "bad_signature" });
    expect(bad.signatureVerified).toBe(false);
    expect(bad.payload.kind).toBe("json"); // still decoded for display
    expect(statuses(bad)).toMatchObject({ algorithm: "pass", signature: "fail" });

    const garbage = (await inspectToken(key, event.slug, { token: "not a token" })).json!.data;
    expect(garbage.verdict).toMatchObject({ accepted: false, reason: "malformed" });
    expect(garbage.header).toEqual({ kind: "undecodable" });
  });

  it("uses the event's current keys and policy: a revoked key's token is key_revoked", async () => {
    const { ctx, event, signer, key } = await setup();
    const token = await signAttendeeToken(signer);
    expect((await inspectToken(key, event.slug, { token })).json!.data.verdict.accepted).toBe(true);
    const second = await addActiveKey(ctx, event.slug);
    await changeKeyStatus(ctx, { eventSlug: event.slug, keyId: signer.keyId, acknowledgeNoActiveKey: false }, "retire");
    const retired = (await inspectToken(key, event.slug, { token })).json!.data;
    expect(retired.verdict).toMatchObject({ accepted: true, keyStatus: "retired" });
    expect(retired.notes.map((n: { code: string }) => n.code)).toContain("retired_key");
    await changeKeyStatus(ctx, { eventSlug: event.slug, keyId: signer.keyId, acknowledgeNoActiveKey: false, acknowledgeUnsafeRevoke: true }, "revoke");
    expect((await inspectToken(key, event.slug, { token })).json!.data.verdict).toMatchObject({ accepted: false, reason: "key_revoked" });
    expect((await inspectToken(key, event.slug, { token: await signAttendeeToken(second) })).json!.data.verdict.accepted).toBe(true);
  });

  it("consumes nothing: no redemption, no key usage, no audit entry; the entry still accepts the token afterwards", async () => {
    const { ctx, event, signer, key } = await setup();
    const jti = randomUUID();
    const hostToken = await signAttendeeToken(signer, { displayName: "Larry David" }, { jti });
    // A one-off dashboard test link, as the test-link issuer records it (the token itself is never stored).
    const linkJti = randomUUID();
    await db.issuedLink.create({
      data: { eventId: event.id, jti: linkJti, kind: "one_off", kid: signer.kid, tokenHash: randomUUID(), displayName: "Test Attendee", nameSearch: "test attendee", roles: ",", claims: "{}", signedIn: "server", expiresAt: new Date(Date.now() + 3600_000), issuedByLabel: "test" },
    });
    const linkToken = await signAttendeeToken(signer, {}, { jti: linkJti });
    const auditBefore = await db.auditLog.count({ where: { organizationId: ctx.organizationId } });

    expect((await inspectToken(key, event.slug, { token: linkToken })).json!.data.replay).toEqual({ kind: "test_link", linkKind: "one_off", status: "active", usedAt: null, revokedAt: null });
    for (let i = 0; i < 3; i++) {
      expect((await inspectToken(key, event.slug, { token: hostToken })).json!.data.verdict.accepted).toBe(true);
      expect((await inspectToken(key, event.slug, { token: linkToken })).json!.data.verdict.accepted).toBe(true);
    }
    await flushKeyUsage();
    expect(await db.tokenRedemption.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.attendeeSession.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.issuedLink.findFirstOrThrow({ where: { eventId: event.id, jti: linkJti } })).toMatchObject({ usedAt: null });
    expect(await db.signingKey.findUniqueOrThrow({ where: { id: signer.keyId } })).toMatchObject({ verifyCount: 0, lastVerifiedAt: null });
    expect(await db.auditLog.count({ where: { organizationId: ctx.organizationId } })).toBe(auditBefore);

    // The token was not claimed: the attendee entry accepts it (once) after all that inspecting.
    const entered = await decideEntry({ sameOrigin: true, slug: event.slug, token: hostToken, step: "open", clientAddress: uid("ip") });
    expect(entered.kind).toBe("signed_in");
    // …and from then on the inspector reports the jti as used: a replay would be already_used.
    expect((await inspectToken(key, event.slug, { token: hostToken })).json!.data.replay).toMatchObject({ kind: "host_jti", usedAt: expect.stringMatching(/^\d{4}-/) });
  });

  it("answers bad bodies with 400 on the token field", async () => {
    const { event, key } = await setup();
    const missing = await inspectToken(key, event.slug, {});
    expect(missing.status).toBe(400);
    expect(missing.json!.error).toMatchObject({ code: "VALIDATION", field: "token" });
    expect(missing.json!.error.message).toContain("Paste a token");
    expect((await inspectToken(key, event.slug, { token: "  " })).json!.error).toMatchObject({ field: "token" });
    expect((await inspectToken(key, event.slug, { token: 42 })).json!.error.field).toBe("token");
    expect((await inspectToken(key, event.slug, { token: "a.b.c", tokne: "x" })).json!.error.field).toBe("tokne");
    const noBody = await callApi(inspect.POST, { method: "POST", key, params: { slug: event.slug } });
    expect(noBody.status).toBe(400);
  });

  it("refuses a missing or revoked API key with 401", async () => {
    const { ctx, event, signer } = await setup();
    const token = await signAttendeeToken(signer);
    expect((await inspectToken("", event.slug, { token })).status).toBe(401);
    const { id, key } = await makeApiKey(ctx, "viewer");
    await revokeApiKey(ctx, id);
    expect((await inspectToken(key, event.slug, { token })).status).toBe(401);
  });

  it("treats another organization's event as not found, even with a token its key signed", async () => {
    const theirs = await setup();
    const token = await signAttendeeToken(theirs.signer);
    const { key: mine } = await setup("admin");
    const response = await inspectToken(mine, theirs.event.slug, { token });
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.json)).not.toContain("verdict");
  });
});
