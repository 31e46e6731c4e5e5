import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeKeyStatus } from "@/lib/keys/service";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { createDatabaseClient } from "@/lib/db/create-client";
import { explainFailure } from "@/lib/tokens/reasons";
import { makeEvent, makeTenant, uid } from "@/test/factories";
import { signAttendeeToken } from "@/test/tokens";
import { addActiveKey } from "@/test/event-keys";
import { findAttendeeSession, leaveAttendeeSession } from "./attendee-session";
import { forgetCachedEntryEvents } from "./event-config";
import { flushRefusalBudget } from "./refusal-budget";
import { decideEntry, type EntryDecision } from "./decide-entry";

const reasonOf = (outcome: EntryDecision) => (outcome.kind === "refused" ? outcome.failure.reason : outcome.kind);

async function setup(options: { transcription?: boolean } = {}) {
  const { ctx } = await makeTenant("owner", { transcription: options.transcription });
  const event = await makeEvent(ctx, { transcriptionEnabled: options.transcription ?? false });
  const key = await addActiveKey(ctx, event.slug);
  return { ctx, event, key };
}

/** A dashboard test link row, as the test-link issuer writes it (the token itself is never stored). */
async function issueLink(eventId: string, kid: string, kind: "one_off" | "long_lived", jti = randomUUID()) {
  await db.issuedLink.create({
    data: {
      eventId,
      jti,
      kind,
      kid,
      tokenHash: randomUUID(),
      displayName: "Test Attendee",
      nameSearch: "test attendee",
      roles: ",",
      claims: "{}",
      signedIn: "server",
      expiresAt: new Date(Date.now() + 3600_000),
      issuedByLabel: "test",
    },
  });
  return jti;
}

const enter = (slug: string, token: string, step: "open" | "confirm" = "open", clientAddress = uid("ip")) =>
  decideEntry({ sameOrigin: true, slug, token, step, clientAddress });

describe("attendee entry", () => {
  it("signs in a host-minted token and opens a session holding the verified claims, not the token", async () => {
    const { event, key } = await setup();
    const token = await signAttendeeToken(key, { displayName: "Larry David", userProfile: [["organization", "Seinfield"]] }, { jti: null });
    const outcome = await enter(event.slug, token);
    expect(outcome.kind).toBe("signed_in");
    const secret = (outcome as Extract<EntryDecision, { kind: "signed_in" }>).session.secret;
    const session = await findAttendeeSession(event.id, secret);
    expect(session?.attendee.claims).toMatchObject({ displayName: "Larry David", userProfile: [["organization", "Seinfield"]] });
    const rows = await db.attendeeSession.findMany({ where: { eventId: event.id } });
    expect(JSON.stringify(rows)).not.toContain(token.split(".")[2]);
    expect(rows[0]!.secretHash).not.toBe(secret);
  });

  it("accepts a host token with a jti once; the replay is already_used", async () => {
    const { event, key } = await setup();
    const token = await signAttendeeToken(key);
    expect(reasonOf(await enter(event.slug, token))).toBe("signed_in");
    expect(reasonOf(await enter(event.slug, token))).toBe("already_used");
  });

  it("lets exactly one of 50 concurrent uses of a host token's jti through", async () => {
    const { event, key } = await setup();
    const token = await signAttendeeToken(key);
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => enter(event.slug, token)));
    expect(outcomes.filter((o) => o.kind === "signed_in").length).toBe(1);
    expect(outcomes.filter((o) => reasonOf(o) === "already_used").length).toBe(49);
  });

  it("redeems a one-off link only from the confirmation, and exactly once among 50 concurrent confirmations", async () => {
    const { event, key } = await setup();
    const jti = await issueLink(event.id, key.kid, "one_off");
    const token = await signAttendeeToken(key, { displayName: "One Off" }, { jti });
    // Opening the link (a mail scanner, or the attendee) consumes nothing.
    expect(reasonOf(await enter(event.slug, token))).toBe("confirm");
    expect(reasonOf(await enter(event.slug, token))).toBe("confirm");
    expect((await db.issuedLink.findFirstOrThrow({ where: { jti } })).usedAt).toBeNull();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => enter(event.slug, token, "confirm")));
    expect(outcomes.filter((o) => o.kind === "signed_in").length).toBe(1);
    expect(outcomes.filter((o) => reasonOf(o) === "already_used").length).toBe(49);
    const link = await db.issuedLink.findFirstOrThrow({ where: { jti } });
    expect(link.redemptions).toBe(1);
    expect(reasonOf(await enter(event.slug, token))).toBe("already_used");
  });

  it("lets 50 concurrent confirmations through two app instances (two database clients) redeem once", async () => {
    const { event, key } = await setup();
    const jti = await issueLink(event.id, key.kid, "one_off");
    const token = await signAttendeeToken(key, {}, { jti });
    const other = createDatabaseClient(process.env.DATABASE_URL!);
    const viaOther = () => other.issuedLink.updateMany({ where: { jti, usedAt: null, revokedAt: null }, data: { usedAt: new Date(), redemptions: { increment: 1 } } });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? enter(event.slug, token, "confirm") : viaOther())));
    const wins = results.filter((r) => ("kind" in r ? r.kind === "signed_in" : r.count === 1)).length;
    expect(wins).toBe(1);
    await other.$disconnect();
  });

  it("signs in a long-lived link repeatedly until it is revoked", async () => {
    const { event, key } = await setup();
    const jti = await issueLink(event.id, key.kid, "long_lived");
    const token = await signAttendeeToken(key, {}, { jti, lifetimeSeconds: 3 * 86400 });
    expect(reasonOf(await enter(event.slug, token))).toBe("signed_in");
    expect(reasonOf(await enter(event.slug, token))).toBe("signed_in");
    await db.issuedLink.updateMany({ where: { jti }, data: { revokedAt: new Date() } });
    expect(reasonOf(await enter(event.slug, token))).toBe("link_revoked");
  });

  it("honours a key revocation once the event is read again (the key cache follows configVersion)", async () => {
    const { ctx, event, key } = await setup();
    expect(reasonOf(await enter(event.slug, await signAttendeeToken(key)))).toBe("signed_in");
    const second = await addActiveKey(ctx, event.slug);
    await changeKeyStatus(ctx, { eventSlug: event.slug, keyId: key.keyId, acknowledgeNoActiveKey: false }, "retire");
    // The event row is trusted for ENTRY_EVENT_FRESH_MS (250 ms); forgetting it stands for that wait.
    forgetCachedEntryEvents();
    expect(reasonOf(await enter(event.slug, await signAttendeeToken(key)))).toBe("signed_in"); // retired keys still verify
    await changeKeyStatus(ctx, { eventSlug: event.slug, keyId: key.keyId, acknowledgeNoActiveKey: false, acknowledgeUnsafeRevoke: true }, "revoke");
    forgetCachedEntryEvents();
    expect(reasonOf(await enter(event.slug, await signAttendeeToken(key)))).toBe("key_revoked");
    expect(reasonOf(await enter(event.slug, await signAttendeeToken(second)))).toBe("signed_in");
  });

  it("records key usage without a write per verification, and the counts add up after a flush", async () => {
    const { event, key } = await setup();
    for (let i = 0; i < 5; i++) await enter(event.slug, await signAttendeeToken(key, {}, { jti: null }));
    expect((await db.signingKey.findUniqueOrThrow({ where: { id: key.keyId } })).verifyCount).toBe(0);
    await flushKeyUsage();
    const row = await db.signingKey.findUniqueOrThrow({ where: { id: key.keyId } });
    expect(row.verifyCount).toBe(5);
    expect(row.lastVerifiedAt).not.toBeNull();
  });

  it("never turns away valid sign-ins from one busy address (a whole office behind one NAT)", async () => {
    const { event, key } = await setup();
    const office = uid("office");
    const outcomes = [];
    for (let i = 0; i < 40; i++) outcomes.push(await enter(event.slug, await signAttendeeToken(key, { displayName: `Colleague ${i}` }, { jti: null }), "open", office));
    expect(outcomes.every((o) => o.kind === "signed_in")).toBe(true);
  });

  it("refuses unknown events, and stops an address after 30 refused attempts a minute", async () => {
    const { event, key } = await setup();
    expect(reasonOf(await enter("no-such-event", "x.y.z"))).toBe("event_not_found");
    const address = uid("ip");
    const outcomes = [];
    for (let i = 0; i < 31; i++) outcomes.push(await enter(event.slug, "not-a-token", "open", address));
    expect(outcomes.slice(0, 30).every((o) => reasonOf(o) === "malformed")).toBe(true);
    expect(reasonOf(outcomes[30]!)).toBe("rate_limited");
    // The budget slows down refusals only: a valid token from the very same address still gets in.
    expect(reasonOf(await enter(event.slug, await signAttendeeToken(key), "open", address))).toBe("signed_in");
    expect(reasonOf(await enter(event.slug, await signAttendeeToken(key), "open", uid("other-ip")))).toBe("signed_in");
  });

  it("never reads or spends the refusal budget for a valid token", async () => {
    const { event, key } = await setup();
    const address = uid("ip");
    for (let i = 0; i < 3; i++) expect(reasonOf(await enter(event.slug, await signAttendeeToken(key), "open", address))).toBe("signed_in");
    expect(await db.rateLimiterFlexible.count({ where: { key: { contains: address } } })).toBe(0);
    expect(reasonOf(await enter(event.slug, "not-a-token", "open", address))).toBe("malformed");
    await flushRefusalBudget();
    expect(await db.rateLimiterFlexible.findMany({ where: { key: { contains: address } }, select: { points: true } })).toEqual([{ points: 1 }]);
  });

  it("tells apart a confirmation without its link, one from another site, and a pending token that is no one-off link", async () => {
    const { event, key } = await setup();
    const jti = await issueLink(event.id, key.kid, "one_off");
    const oneOff = await signAttendeeToken(key, { displayName: "One Off" }, { jti });
    const confirm = (token: string | undefined, sameOrigin = true) => decideEntry({ slug: event.slug, step: "confirm", token, sameOrigin, clientAddress: uid("ip") });
    const problems = await Promise.all([confirm(undefined), confirm(oneOff, false), confirm(await signAttendeeToken(key, {}, { jti: null })), confirm(await signAttendeeToken(key))]);
    expect(problems.map((d) => (d.kind === "refused" && d.failure.reason === "malformed" ? d.failure.detail.problem : d.kind))).toEqual([
      "no_pending_link",
      "cross_site_post",
      "pending_not_one_off",
      "pending_not_one_off", // a host token with a jti: its jti is not claimed by a confirmation
    ]);
    const messages = problems.map((d) => (d.kind === "refused" ? explainFailure(d.failure, new Date()).explanation : ""));
    expect(new Set(messages).size).toBe(3);
    expect(messages.join(" ")).not.toContain("No sign-in token was given");
    expect(messages[1]).toContain("another website");
    expect((await db.issuedLink.findFirstOrThrow({ where: { jti } })).usedAt).toBeNull();
    expect(reasonOf(await confirm(oneOff))).toBe("signed_in");
  });

  it("previews a pending one-off link for the confirmation page without using it, and records what a log of the attempt needs", async () => {
    const { event, key } = await setup();
    const jti = await issueLink(event.id, key.kid, "one_off");
    const token = await signAttendeeToken(key, { displayName: "Pia Preview" }, { jti });
    const preview = await decideEntry({ slug: event.slug, step: "preview", token, clientAddress: uid("ip") });
    expect(preview).toMatchObject({ kind: "preview", claims: { displayName: "Pia Preview" }, source: "one_off_link", keyId: key.keyId, kid: key.kid, jti });
    expect(preview.linkId).toEqual((await db.issuedLink.findFirstOrThrow({ where: { jti } })).id);
    expect((await db.issuedLink.findFirstOrThrow({ where: { jti } })).usedAt).toBeNull();
    const refused = await decideEntry({ slug: event.slug, step: "open", token: token.slice(0, -4) + "AAAA", clientAddress: uid("ip") });
    expect(refused).toMatchObject({ kind: "refused", claims: null, keyId: null }); // claims only when the signature verified
  });

  it("leads a used one-off link reopened in the browser whose session it opened to the lobby, and nowhere else", async () => {
    const { event, key } = await setup();
    const jti = await issueLink(event.id, key.kid, "one_off");
    const token = await signAttendeeToken(key, { displayName: "Rhea Reopen" }, { jti });
    const signedIn = await enter(event.slug, token, "confirm");
    const secret = (signedIn as Extract<EntryDecision, { kind: "signed_in" }>).session.secret;
    const reopen = (attendeeSecret?: string) => decideEntry({ slug: event.slug, step: "open", token, attendeeSecret, clientAddress: uid("ip") });
    expect(reasonOf(await reopen(secret))).toBe("already_in");
    expect(reasonOf(await reopen())).toBe("already_used"); // another browser
    // Another session of the same event, opened by something else, does not count.
    const other = await enter(event.slug, await signAttendeeToken(key, {}, { jti: null }));
    expect(reasonOf(await reopen((other as Extract<EntryDecision, { kind: "signed_in" }>).session.secret))).toBe("already_used");
    const session = await findAttendeeSession(event.id, secret);
    await leaveAttendeeSession(session!.id);
    expect(reasonOf(await reopen(secret))).toBe("already_used"); // left: no longer in
  });

  it("lets the attendee in without a feature-gated role and keeps the reason as a note", async () => {
    const { event, key } = await setup({ transcription: false });
    const outcome = await enter(event.slug, await signAttendeeToken(key, { displayName: "Cap Tioner", roles: ["transcriber", "presenter"] }, { jti: null }));
    const session = await findAttendeeSession(event.id, (outcome as Extract<EntryDecision, { kind: "signed_in" }>).session.secret);
    expect(session!.attendee.claims.roles).toEqual(["presenter"]);
    expect(session!.attendee.notes.map((n) => n.code)).toContain("role_not_enabled");
  });
});
