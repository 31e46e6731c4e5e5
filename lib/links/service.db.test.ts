import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideEntry, type EntryDecision } from "@/lib/entry/decide-entry";
import { changeKeyStatus } from "@/lib/keys/service";
import type { AppError } from "@/lib/errors";
import { asRole, makeEvent, makeTenant, uid } from "@/test/factories";
import { addActiveKey } from "@/test/event-keys";
import { addKeptKey, linkInput } from "@/test/links";
import { importPrivateKey, sha256Hex, signJwt } from "./browser-signing";
import { checkLinkClaims, linkTokenHeader, linkTokenPayload } from "./claims";
import { linkTimes } from "./lifetime";
import type { RecordBrowserLinkInput } from "./schema";
import { issueLink, listIssuedLinks, recordBrowserSignedLink, revokeAllActiveLinks, revokeLink } from "./service";
import { tokenHash } from "./token-hash";

const reasonOf = (outcome: EntryDecision) => (outcome.kind === "refused" ? outcome.failure.reason : outcome.kind);
const enter = (slug: string, token: string, step: "open" | "confirm" = "open") => decideEntry({ sameOrigin: true, slug, token, step, clientAddress: uid("ip") });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected the call to fail");
}

async function setup(options: { transcription?: boolean } = {}) {
  const { ctx } = await makeTenant("admin", { transcription: options.transcription });
  const event = await makeEvent(ctx, { transcriptionEnabled: options.transcription ?? false });
  return { ctx, event };
}

const listParams = (overrides: Record<string, unknown> = {}) => ({ q: "", sort: "issuedAt" as const, dir: "desc" as const, page: 1, pageSize: 25, filters: {}, ...overrides });

describe("issuing test links signed with a key the dashboard keeps", () => {
  it("issues a one-off link the entry confirms, redeems once and then refuses as already_used; only the token's hash is stored", async () => {
    const { ctx, event } = await setup();
    const key = await addKeptKey(ctx, event.slug);
    const { token, url, link } = await issueLink(ctx, linkInput(event.slug, { userProfile: [["title", "Producer"]] }));
    expect(url).toBe(`${url.split("/e/")[0]}/e/${event.slug}?token=${token}`);
    expect(link).toMatchObject({ kind: "one_off", kid: key.kid, status: "active", signedIn: "server", redemptions: 0 });
    expect(link.expiresAt.getTime() - link.issuedAt.getTime()).toBe(300_000);

    const [header, payload] = token.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
    expect(header).toEqual({ alg: "RS256", typ: "JWT", kid: key.kid });
    expect(payload).toEqual({ displayName: "Larry David", userProfile: [["title", "Producer"]], jti: link.jti, iat: expect.any(Number), exp: payload.iat + 300 });

    expect(reasonOf(await enter(event.slug, token))).toBe("confirm");
    expect(reasonOf(await enter(event.slug, token, "confirm"))).toBe("signed_in");
    expect(reasonOf(await enter(event.slug, token, "confirm"))).toBe("already_used");

    const row = await db.issuedLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(tokenHash(token));
    expect(row).toMatchObject({ usedAt: expect.any(Date), redemptions: 1, issuedByLabel: ctx.actor.label, roles: "," });
    const stored = JSON.stringify([row, await db.auditLog.findMany({ where: { organizationId: ctx.organizationId } })]);
    expect(stored).not.toContain(token.split(".")[2]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId: ctx.organizationId, action: "link.issued" } });
    expect(JSON.parse(audit.details!)).toMatchObject({ kind: "one_off", jti: link.jti, signedIn: "server" });
  });

  it("issues links for awkward but valid attendees that the entry accepts exactly as issued", async () => {
    const { ctx, event } = await setup({ transcription: true });
    await addKeptKey(ctx, event.slug);
    const attendees = [
      { displayName: "👩‍👩‍👧".repeat(80), roles: ["transcriber" as const] },
      { displayName: "  Zoë  d’Arc ", email: "zoe@example.co.uk", avatarUrl: "https://img.example.com/z.png?s=64" },
      { displayName: "李小龍", userProfile: Array.from({ length: 10 }, (_, i): [string, string] => [`k${i}`, "值".repeat(150)]) },
      { displayName: "Host Person", roles: ["host" as const, "presenter" as const], kind: "long_lived" as const, lifetimeSeconds: 7 * 86400, confirmHostLongLived: true },
    ];
    for (const attendee of attendees) {
      const { token, link } = await issueLink(ctx, linkInput(event.slug, attendee));
      const outcome = await enter(event.slug, token, link.kind === "one_off" ? "confirm" : "open");
      expect(reasonOf(outcome), attendee.displayName.slice(0, 20)).toBe("signed_in");
      const session = await db.attendeeSession.findFirstOrThrow({ where: { eventId: event.id }, orderBy: { createdAt: "desc" } });
      expect(JSON.parse(session.claims).claims).toMatchObject(link.claims);
    }
  });

  it("needs an explicit confirmation for a long-lived host link, and the link then signs in until it is revoked", async () => {
    const { ctx, event } = await setup();
    await addKeptKey(ctx, event.slug);
    const input = linkInput(event.slug, { displayName: "Hostess", roles: ["host"], kind: "long_lived", lifetimeSeconds: 3600 });
    const refused = await rejection(issueLink(ctx, input));
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", field: "confirmHostLongLived" });
    expect(await db.issuedLink.count({ where: { eventId: event.id } })).toBe(0);

    const { token, link } = await issueLink(ctx, { ...input, confirmHostLongLived: true });
    expect(link.expiresAt.getTime() - link.issuedAt.getTime()).toBe(3600_000);
    expect(reasonOf(await enter(event.slug, token))).toBe("signed_in");
    expect(reasonOf(await enter(event.slug, token))).toBe("signed_in");
    const revoked = await revokeLink(ctx, event.slug, link.id);
    expect(revoked).toMatchObject({ status: "revoked", revokedByLabel: ctx.actor.label });
    expect(reasonOf(await enter(event.slug, token))).toBe("link_revoked");
    expect(await db.issuedLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ redemptions: 2 });
    expect(await rejection(revokeLink(ctx, event.slug, link.id))).toMatchObject({ code: "CONFLICT" });
    const audit = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, action: { startsWith: "link." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["link.issued", "link.revoked"]);
  });

  it("refuses what the entry would refuse or silently change: a lifetime over the maximum, a disabled role, a bad claim", async () => {
    const { ctx, event } = await setup();
    await addKeptKey(ctx, event.slug);
    expect(await rejection(issueLink(ctx, linkInput(event.slug, { kind: "long_lived", lifetimeSeconds: 7 * 86400 + 1 })))).toMatchObject({ code: "VALIDATION", field: "lifetimeSeconds" });
    expect(await rejection(issueLink(ctx, linkInput(event.slug, { roles: ["transcriber"] })))).toMatchObject({ code: "VALIDATION", field: "roles" });
    expect(await rejection(issueLink(ctx, linkInput(event.slug, { email: "nope" })))).toMatchObject({ code: "VALIDATION", field: "email" });
    // Every pair within the claim limits, but together longer than the 8192 characters a token may have.
    const huge = linkInput(event.slug, { userProfile: Array.from({ length: 50 }, (_, i): [string, string] => [`k${i}`, "v".repeat(500)]) });
    const tooLong = await rejection(issueLink(ctx, huge));
    expect(tooLong).toMatchObject({ code: "VALIDATION", field: "userProfile" });
    expect(tooLong.message).toContain("at most 8,192");
    expect(await db.issuedLink.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("says what to do when no active key can sign", async () => {
    const { ctx, event } = await setup();
    const none = await rejection(issueLink(ctx, linkInput(event.slug)));
    expect(none).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(none.message).toContain("no active signing key");
    await addActiveKey(ctx, event.slug); // uploaded: the dashboard has no private key
    const noKept = await rejection(issueLink(ctx, linkInput(event.slug)));
    expect(noKept.message).toContain("Sign in your browser");
    // A kept key that is no longer active does not sign either.
    const kept = await addKeptKey(ctx, event.slug);
    await changeKeyStatus(ctx, { eventSlug: event.slug, keyId: kept.keyId, acknowledgeNoActiveKey: false }, "retire");
    expect(await rejection(issueLink(ctx, linkInput(event.slug, { keyId: kept.keyId })))).toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("is for admins of the event's organization only", async () => {
    const { ctx, event } = await setup();
    await addKeptKey(ctx, event.slug);
    expect(await rejection(issueLink(asRole(ctx, "viewer"), linkInput(event.slug)))).toMatchObject({ code: "FORBIDDEN" });
    const other = await makeTenant("owner");
    expect(await rejection(issueLink(other.ctx, linkInput(event.slug)))).toMatchObject({ code: "NOT_FOUND" });
    const { link } = await issueLink(ctx, linkInput(event.slug));
    expect(await rejection(revokeLink(other.ctx, event.slug, link.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(revokeLink(asRole(ctx, "viewer"), event.slug, link.id))).toMatchObject({ code: "FORBIDDEN" });
    const otherEvent = await makeEvent(other.ctx);
    expect(await rejection(revokeLink(other.ctx, otherEvent.slug, link.id))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("links signed in the admin's browser", () => {
  /** What the issue form does in the browser: sign with WebCrypto, send only metadata. */
  async function signInBrowser(privateKeyPem: string, eventSlug: string, overrides: Partial<RecordBrowserLinkInput> = {}, now = new Date()) {
    const imported = await importPrivateKey(globalThis.crypto.subtle, privateKeyPem);
    if (!imported.ok) throw new Error(imported.error.message);
    const attendee = { displayName: "Browser Bea", email: "", avatarUrl: "", userProfile: [] as Array<[string, string]>, roles: [] as Array<"host">, kind: "one_off" as const, confirmHostLongLived: false };
    const claims = checkLinkClaims(attendee, { transcription: false, interpretation: false });
    if (!claims.ok) throw new Error(claims.error.message);
    const times = linkTimes(now, 300, { rejectTokensIssuedBefore: null });
    const jti = crypto.randomUUID();
    const token = await signJwt(imported.signingKey.key, linkTokenHeader(imported.signingKey.kid), linkTokenPayload(claims.claims, { jti, ...times }));
    const input: RecordBrowserLinkInput = { eventSlug, ...attendee, lifetimeSeconds: null, jti, kid: imported.signingKey.kid, ...times, tokenHash: await sha256Hex(globalThis.crypto.subtle, token), ...overrides };
    return { token, input };
  }

  it("records a browser-signed link from its metadata; the entry accepts and tracks it like any other", async () => {
    const { ctx, event } = await setup();
    const key = await addActiveKey(ctx, event.slug);
    const pem = key.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const { token, input } = await signInBrowser(pem, event.slug);
    const link = await recordBrowserSignedLink(ctx, input);
    expect(link).toMatchObject({ signedIn: "browser", kid: key.kid, jti: input.jti, status: "active" });
    expect((await db.issuedLink.findUniqueOrThrow({ where: { id: link.id } })).tokenHash).toBe(tokenHash(token));
    expect(reasonOf(await enter(event.slug, token))).toBe("confirm");
    expect(reasonOf(await enter(event.slug, token, "confirm"))).toBe("signed_in");
    expect(reasonOf(await enter(event.slug, token, "confirm"))).toBe("already_used");
  });

  it("refuses metadata of a link the entry would not accept", async () => {
    const { ctx, event } = await setup();
    const key = await addActiveKey(ctx, event.slug);
    const pem = key.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const { input } = await signInBrowser(pem, event.slug);

    expect(await rejection(recordBrowserSignedLink(ctx, { ...input, kid: "not-a-key-of-this-event" }))).toMatchObject({ code: "PRECONDITION_FAILED", field: "kid" });
    expect(await rejection(recordBrowserSignedLink(ctx, { ...input, exp: input.exp + 60 }))).toMatchObject({ field: "exp" });
    const clock = await rejection(recordBrowserSignedLink(ctx, { ...input, iat: input.iat + 600, exp: input.exp + 600 }));
    expect(clock).toMatchObject({ code: "PRECONDITION_FAILED", field: "iat" });
    expect(clock.message).toContain("ahead of this server's clock");
    expect(await rejection(recordBrowserSignedLink(ctx, { ...input, kind: "long_lived", exp: input.iat + 8 * 86400 }))).toMatchObject({ field: "lifetimeSeconds" });
    expect(await rejection(recordBrowserSignedLink(ctx, { ...input, roles: ["host"], kind: "long_lived", exp: input.iat + 3600 }))).toMatchObject({ field: "confirmHostLongLived" });

    const second = await addActiveKey(ctx, event.slug);
    await changeKeyStatus(ctx, { eventSlug: event.slug, keyId: key.keyId, acknowledgeNoActiveKey: false }, "retire");
    const retired = await rejection(recordBrowserSignedLink(ctx, input));
    expect(retired).toMatchObject({ code: "PRECONDITION_FAILED", field: "kid" });
    expect(retired.message).toContain("retired");
    expect(second.kid).not.toBe(key.kid);
    expect(await db.issuedLink.count({ where: { eventId: event.id } })).toBe(0);

    // The same jti twice (a replayed request) is one link.
    const fresh = await signInBrowser(second.privateKey.export({ type: "pkcs1", format: "pem" }).toString(), event.slug);
    await recordBrowserSignedLink(ctx, fresh.input);
    expect(await rejection(recordBrowserSignedLink(ctx, fresh.input))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("the issued links table and revoking", () => {
  it("filters by status, kind, role, issuer and name, and revoke-all touches only active links", async () => {
    const { ctx, event } = await setup();
    await addKeptKey(ctx, event.slug);
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3600_000);
    const active = await issueLink(ctx, linkInput(event.slug, { displayName: "Alice Active" }), now);
    const used = await issueLink(ctx, linkInput(event.slug, { displayName: "Umberto Used" }), now);
    await enter(event.slug, used.token, "confirm");
    const expired = await issueLink(ctx, linkInput(event.slug, { displayName: "Eve Expired" }), hourAgo);
    const host = await issueLink(ctx, linkInput(event.slug, { displayName: "Hank Host", roles: ["host"], kind: "long_lived", confirmHostLongLived: true }), now);
    const revoked = await issueLink(ctx, linkInput(event.slug, { displayName: "Rita Revoked", roles: ["presenter"] }), now);
    await revokeLink(ctx, event.slug, revoked.link.id, now);
    const byApi = { ...ctx, actor: { ...ctx.actor, type: "api_key" as const, label: 'API key "ci"' } };
    const api = await issueLink(byApi, linkInput(event.slug, { displayName: "Carl CI", roles: ["presenter"] }), now);

    const names = async (params: Record<string, unknown>) =>
      (await listIssuedLinks(ctx, event.slug, listParams(params), new Date(now.getTime() + 1000))).rows.map((r) => r.displayName).sort();
    expect(await names({ filters: { status: "active" } })).toEqual(["Alice Active", "Carl CI", "Hank Host"]);
    expect(await names({ filters: { status: "used" } })).toEqual(["Umberto Used"]);
    expect(await names({ filters: { status: "expired" } })).toEqual(["Eve Expired"]);
    expect(await names({ filters: { status: "revoked" } })).toEqual(["Rita Revoked"]);
    expect(await names({ filters: { kind: "long_lived" } })).toEqual(["Hank Host"]);
    expect(await names({ filters: { role: "presenter" } })).toEqual(["Carl CI", "Rita Revoked"]);
    expect(await names({ filters: { issuer: 'API key "ci"' } })).toEqual(["Carl CI"]);
    expect(await names({ q: "HANK" })).toEqual(["Hank Host"]);
    expect(await names({ filters: { status: "bogus", role: "'; drop" } })).toHaveLength(6);
    const sorted = await listIssuedLinks(ctx, event.slug, listParams({ sort: "displayName", dir: "asc" }), now);
    expect(sorted.rows.map((r) => r.displayName)).toEqual(["Alice Active", "Carl CI", "Eve Expired", "Hank Host", "Rita Revoked", "Umberto Used"]);
    expect(sorted.rows.find((r) => r.displayName === "Umberto Used")).toMatchObject({ status: "used", redemptions: 1 });

    expect(await rejection(revokeLink(ctx, event.slug, used.link.id, now))).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await rejection(revokeLink(ctx, event.slug, expired.link.id, now))).toMatchObject({ code: "PRECONDITION_FAILED" });

    expect(await revokeAllActiveLinks(ctx, event.slug, now)).toEqual({ revoked: 3 });
    for (const link of [active, host, api]) expect(reasonOf(await enter(event.slug, link.token, "confirm"))).toBe("link_revoked");
    expect(await names({ filters: { status: "revoked" } })).toEqual(["Alice Active", "Carl CI", "Hank Host", "Rita Revoked"]);
    expect(await names({ filters: { status: "used" } })).toEqual(["Umberto Used"]);
    expect(await revokeAllActiveLinks(ctx, event.slug, now)).toEqual({ revoked: 0 });
    const all = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, action: "link.revoked_all" } });
    expect(all).toHaveLength(1);
    expect(JSON.parse(all[0]!.details!)).toEqual({ revoked: 3 });
  });
});
