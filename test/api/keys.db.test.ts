import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as keys from "@/app/api/v1/events/[slug]/keys/route";
import * as activate from "@/app/api/v1/events/[slug]/keys/[kid]/activate/route";
import * as retire from "@/app/api/v1/events/[slug]/keys/[kid]/retire/route";
import * as revoke from "@/app/api/v1/events/[slug]/keys/[kid]/revoke/route";
import { GET as jwks } from "@/app/api/v1/events/[slug]/jwks.json/route";
import { revokeApiKey } from "@/lib/api-keys/service";
import { decryptPrivateKey } from "@/lib/keys/private-key-vault";
import { callApi, makeApiKey } from "@/test/api";
import { makeEvent, makeTenant } from "@/test/factories";
import { openSshLine, pkcs1PublicPem, rsaPair, spkiPem } from "@/test/keys";
import type { TenantContext } from "@/lib/tenancy/context";

const keyA = rsaPair(2048).publicKey;
const keyB = rsaPair(3072).publicKey;

async function setup(role: "admin" | "viewer" = "admin") {
  const { ctx } = await makeTenant();
  const event = await makeEvent(ctx);
  const { key } = await makeApiKey(ctx, role);
  return { ctx, event, key };
}

const addKey = (key: string, slug: string, body: unknown) => callApi(keys.POST, { method: "POST", key, path: `/events/${slug}/keys`, params: { slug }, body });
const listKeys = (key: string, slug: string) => callApi(keys.GET, { key, path: `/events/${slug}/keys`, params: { slug } });
const transition = (handler: typeof activate.POST, key: string, slug: string, kid: string, body?: unknown) =>
  callApi(handler, { method: "POST", key, path: `/events/${slug}/keys/${kid}`, params: { slug, kid }, body });

/** The public JWKS, fetched as a verifier would: no API key. */
const publishedKids = async (slug: string) => {
  const response = await jwks(new Request(`http://test/api/v1/events/${slug}/jwks.json`), { params: Promise.resolve({ slug }) });
  return ((await response.json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid).sort();
};

const keyAudit = async (ctx: TenantContext) =>
  db.auditLog.findMany({ where: { organizationId: ctx.organizationId, targetType: "signing_key" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("POST /api/v1/events/{slug}/keys with publicKey", () => {
  it("adds a public key in any accepted format, on standby unless activate, audited as the API key", async () => {
    const { ctx, event, key } = await setup();
    const added = await addKey(key, event.slug, { publicKey: openSshLine(keyA), label: "Platform 2027" });
    expect(added.status).toBe(201);
    expect(added.json!.publicKeyFormat).toBe("openssh");
    expect(added.json!.data).toMatchObject({ status: "standby", source: "uploaded", bits: 2048, label: "Platform 2027", keepsPrivateKey: false, publicKeyPem: spkiPem(keyA) });
    expect(added.json!.data.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(added.json!.data.revocation).toMatchObject({ safeToRevoke: true });
    expect(added.json!.health).toMatchObject({ active: 0, standby: 1, noActiveKey: true });
    expect(added.json!.privateKey).toBeUndefined();
    expect(Object.keys(added.json!.data)).not.toContain("id");

    const active = await addKey(key, event.slug, { publicKey: pkcs1PublicPem(keyB), activate: true });
    expect(active.json!.data).toMatchObject({ status: "active", bits: 3072 });
    expect(active.json!.publicKeyFormat).toBe("pkcs1");

    const audit = await keyAudit(ctx);
    expect(audit.map((a) => a.action)).toEqual(["key.uploaded", "key.uploaded", "key.activated"]);
    expect(audit.every((a) => a.actorType === "api_key" && a.actorLabel.startsWith('API key "test admin"'))).toBe(true);
    // The row records no user as creator: an API key made it.
    expect((await db.signingKey.findFirstOrThrow({ where: { eventId: event.id, kid: added.json!.data.kid } })).createdById).toBeNull();
  });

  it("keeps the key service's refusals: field publicKey, code, reason, and nothing stored", async () => {
    const { event, key } = await setup();
    const privatePem = rsaPair(2048).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const refusedPrivate = await addKey(key, event.slug, { publicKey: privatePem });
    expect(refusedPrivate.status).toBe(400);
    expect(refusedPrivate.json!.error).toMatchObject({ code: "VALIDATION", field: "publicKey", reason: "private_key" });
    expect(refusedPrivate.json!.error.message).toContain("NOT stored");
    expect(refusedPrivate.json!.error.command).toContain("openssl rsa");
    expect(JSON.stringify(refusedPrivate.json)).not.toContain(privatePem.split("\n")[1]);

    const small = await addKey(key, event.slug, { publicKey: spkiPem(rsaPair(1024).publicKey) });
    expect(small.json!.error).toMatchObject({ code: "VALIDATION", field: "publicKey", reason: "too_small" });
    expect((await addKey(key, event.slug, { publicKey: "hello" })).json!.error).toMatchObject({ field: "publicKey", reason: "unrecognized" });

    expect((await addKey(key, event.slug, { publicKey: spkiPem(keyA) })).status).toBe(201);
    const duplicate = await addKey(key, event.slug, { publicKey: openSshLine(keyA) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json!.error).toMatchObject({ code: "CONFLICT", field: "publicKey", reason: "duplicate" });
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("answers bad bodies with 400 and the field at fault", async () => {
    const { event, key } = await setup();
    const neither = await addKey(key, event.slug, { label: "x" });
    expect(neither.status).toBe(400);
    expect(neither.json!.error).toMatchObject({ code: "VALIDATION", field: "publicKey" });
    expect(neither.json!.error.message).toContain("generate");
    const both = await addKey(key, event.slug, { publicKey: spkiPem(keyA), generate: { keepPrivateKey: false } });
    expect(both.json!.error).toMatchObject({ field: "generate" });
    const typo = await addKey(key, event.slug, { publicKey: spkiPem(keyA), activte: true });
    expect(typo.status).toBe(400);
    expect(typo.json!.error.message).toContain('"activte"');
    const badTypes = await addKey(key, event.slug, { publicKey: 42, activate: "yes", label: "x".repeat(61) });
    expect(Object.keys(badTypes.json!.error.fields).sort()).toEqual(["activate", "label", "publicKey"]);
    expect(badTypes.json!.error.fields.label).toContain("60 characters");
    const badGenerate = await addKey(key, event.slug, { generate: { bits: 1024, privateKeyFormat: "der" } });
    expect(Object.keys(badGenerate.json!.error.fields).sort()).toEqual(["generate.bits", "generate.keepPrivateKey", "generate.privateKeyFormat"]);
    expect(badGenerate.json!.error.fields["generate.bits"]).toContain("2048, 3072 or 4096");
    expect(badGenerate.json!.error.fields["generate.keepPrivateKey"]).toContain("required");
    const noBody = await callApi(keys.POST, { method: "POST", key, params: { slug: event.slug } });
    expect(noBody.status).toBe(400);
    expect(noBody.json!.error.message).toContain("needs a JSON request body");
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("POST /api/v1/events/{slug}/keys with generate", () => {
  it("returns the private key in that one response; later reads carry no private material", async () => {
    const { ctx, event, key } = await setup();
    const generated = await addKey(key, event.slug, { generate: { bits: 2048, privateKeyFormat: "pkcs8", keepPrivateKey: true }, activate: true, label: "Test links" });
    expect(generated.status).toBe(201);
    expect(generated.headers.get("cache-control")).toBe("no-store");
    const { data, privateKey } = generated.json!;
    expect(data).toMatchObject({ status: "active", source: "generated", bits: 2048, keepsPrivateKey: true, label: "Test links" });
    expect(privateKey.format).toBe("pkcs8");
    expect(privateKey.pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(privateKey.fileName).toMatch(new RegExp(`^${event.slug}-.+\\.key$`));

    // The private key signs what the published public key verifies.
    const message = Buffer.from("rotation check");
    const signature = sign("sha256", message, createPrivateKey(privateKey.pem));
    expect(verify("sha256", message, createPublicKey(data.publicKeyPem), signature)).toBe(true);

    // The kept copy is encrypted at rest and decrypts to the same key.
    const row = await db.signingKey.findFirstOrThrow({ where: { eventId: event.id, kid: data.kid } });
    expect(row.encryptedPrivateKey).not.toContain(privateKey.pem.split("\n")[1]);
    const kept = decryptPrivateKey(row.encryptedPrivateKey!, { organizationId: ctx.organizationId, eventId: event.id, kid: data.kid });
    expect(kept.export({ type: "pkcs8", format: "pem" }).toString()).toBe(privateKey.pem);

    const later = JSON.stringify((await listKeys(key, event.slug)).json);
    expect(later).toContain(data.kid);
    expect(later).not.toMatch(/PRIVATE KEY/);
    expect(later).not.toContain(privateKey.pem.split("\n")[1]);
    expect(later).not.toContain(row.encryptedPrivateKey!.slice(0, 40));
    const jwksText = await (await jwks(new Request("http://test"), { params: Promise.resolve({ slug: event.slug }) })).text();
    expect(jwksText).toContain(data.kid);
    expect(jwksText).not.toMatch(/"(d|p|q|dp|dq|qi)"/);

    const audit = await keyAudit(ctx);
    expect(audit.map((a) => a.action)).toEqual(["key.generated", "key.activated"]);
    expect(audit[0]!.actorType).toBe("api_key");
    expect(audit[0]!.details).not.toContain(privateKey.pem.split("\n")[1]);
  });

  it("generates without keeping a copy when told so, PKCS#1 by default", async () => {
    const { event, key } = await setup();
    const generated = await addKey(key, event.slug, { generate: { keepPrivateKey: false } });
    expect(generated.status).toBe(201);
    expect(generated.json!.data).toMatchObject({ status: "standby", bits: 2048, keepsPrivateKey: false });
    expect(generated.json!.privateKey.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect((await db.signingKey.findFirstOrThrow({ where: { eventId: event.id } })).encryptedPrivateKey).toBeNull();
  });

  it("refuses to keep a copy on a server without KEY_ENCRYPTION_KEY (422 on generate.keepPrivateKey), generating nothing", async () => {
    const { event, key } = await setup();
    const saved = process.env.KEY_ENCRYPTION_KEY;
    delete process.env.KEY_ENCRYPTION_KEY;
    try {
      const refused = await addKey(key, event.slug, { generate: { keepPrivateKey: true } });
      expect(refused.status).toBe(422);
      expect(refused.json!.error).toMatchObject({ code: "PRECONDITION_FAILED", field: "generate.keepPrivateKey" });
      expect(refused.json!.error.message).toContain("KEY_ENCRYPTION_KEY");
    } finally {
      process.env.KEY_ENCRYPTION_KEY = saved;
    }
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("GET /api/v1/events/{slug}/keys", () => {
  it("lists keys grouped by status with health and revocation safety", async () => {
    const { ctx, event, key } = await setup();
    const a = (await addKey(key, event.slug, { publicKey: spkiPem(keyA), activate: true })).json!.data;
    const b = (await addKey(key, event.slug, { publicKey: spkiPem(keyB) })).json!.data;
    const list = await listKeys(key, event.slug);
    expect(list.status).toBe(200);
    expect(list.json!.data.map((k: { kid: string }) => k.kid)).toEqual([a.kid, b.kid]);
    expect(list.json!.health).toEqual({ active: 1, standby: 1, retired: 0, revoked: 0, noActiveKey: false });
    expect(list.json!.data[0]).toMatchObject({ status: "active", revocation: null, verifyCount: 0, lastVerifiedAt: null });
    expect(list.json!.data[0].activatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Reading writes nothing.
    expect((await keyAudit(ctx)).length).toBe(3);
  });
});

describe("key lifecycle through the API", () => {
  it("rotates: activate the new key, retire the old one, revoke it; each audited as the API key", async () => {
    const { ctx, event, key } = await setup();
    const old = (await addKey(key, event.slug, { publicKey: spkiPem(keyA), activate: true })).json!.data;
    const next = (await addKey(key, event.slug, { publicKey: spkiPem(keyB) })).json!.data;
    const version = async () => (await db.event.findUniqueOrThrow({ where: { id: event.id } })).configVersion;
    expect(await publishedKids(event.slug)).toEqual([old.kid]); // standby keys are not published

    const before = await version();
    const activated = await transition(activate.POST, key, event.slug, next.kid);
    expect(activated.status).toBe(200);
    expect(activated.json!.data).toMatchObject({ kid: next.kid, status: "active" });
    expect(activated.json!.health).toMatchObject({ active: 2 });
    expect(await version()).toBe(before + 1);
    expect(await publishedKids(event.slug)).toEqual([old.kid, next.kid].sort());

    const retired = await transition(retire.POST, key, event.slug, old.kid);
    expect(retired.json!.data).toMatchObject({ status: "retired", revocation: { safeToRevoke: false } });
    expect(retired.json!.data.revocation.safeAt).toMatch(/^\d{4}-/);
    expect(retired.json!.data.revocation.note).toContain("Not safe to revoke yet");
    expect(await publishedKids(event.slug)).toEqual([old.kid, next.kid].sort()); // retired keys still verify

    const early = await transition(revoke.POST, key, event.slug, old.kid);
    expect(early.status).toBe(422);
    expect(early.json!.error).toMatchObject({ field: "acknowledgeUnsafeRevoke" });
    expect(early.json!.error.message).toMatch(new RegExp(`^Not safe to revoke yet: revoking now refuses every token signed with key ${old.kid.slice(0, 8)}`));
    const revoked = await transition(revoke.POST, key, event.slug, old.kid, { acknowledgeUnsafeRevoke: true });
    expect(revoked.json!.data).toMatchObject({ status: "revoked", revocation: null });
    expect(revoked.json!.health).toEqual({ active: 1, standby: 0, retired: 0, revoked: 1, noActiveKey: false });
    expect(await publishedKids(event.slug)).toEqual([next.kid]);

    const audit = await keyAudit(ctx);
    expect(audit.map((a) => a.action)).toEqual(["key.uploaded", "key.activated", "key.uploaded", "key.activated", "key.retired", "key.revoked"]);
    expect(audit.every((a) => a.actorType === "api_key" && a.actorId)).toBe(true);
    expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({ kid: old.kid, from: "retired", to: "revoked", safeToRevoke: false });
  });

  it("says when a retired key becomes safe to revoke (the event's longest token lifetime after its last use)", async () => {
    const { event, key } = await setup();
    const old = (await addKey(key, event.slug, { publicKey: spkiPem(keyA), activate: true })).json!.data;
    await addKey(key, event.slug, { publicKey: spkiPem(keyB), activate: true });
    await transition(retire.POST, key, event.slug, old.kid);
    const longest = (7 * 24 * 3600 + 60) * 1000; // the default long-lived maximum plus leeway
    const retiredAt = new Date(Date.now() - longest - 60_000);
    await db.signingKey.updateMany({ where: { eventId: event.id, kid: old.kid }, data: { retiredAt } });
    const listed = (await listKeys(key, event.slug)).json!.data.find((k: { kid: string }) => k.kid === old.kid);
    expect(listed.revocation).toMatchObject({ safeToRevoke: true, safeAt: new Date(retiredAt.getTime() + longest).toISOString() });
    expect(listed.revocation.note).toContain("Safe to revoke");
  });

  it("needs acknowledgeNoActiveKey to retire the only active key", async () => {
    const { event, key } = await setup();
    const only = (await addKey(key, event.slug, { publicKey: spkiPem(keyA), activate: true })).json!.data;
    const refused = await transition(retire.POST, key, event.slug, only.kid);
    expect(refused.status).toBe(422);
    expect(refused.json!.error).toMatchObject({ code: "PRECONDITION_FAILED", field: "acknowledgeNoActiveKey" });
    expect(refused.json!.error.message).toContain("only active key");
    expect((await transition(retire.POST, key, event.slug, only.kid, { acknowledgeNoActiveKey: false })).status).toBe(422);
    const badBody = await transition(retire.POST, key, event.slug, only.kid, { acknowledgeNoActiveKey: "yes" });
    expect(badBody.status).toBe(400);
    expect(badBody.json!.error.field).toBe("acknowledgeNoActiveKey");
    expect((await db.signingKey.findFirstOrThrow({ where: { eventId: event.id, kid: only.kid } })).status).toBe("active");

    const retired = await transition(retire.POST, key, event.slug, only.kid, { acknowledgeNoActiveKey: true });
    expect(retired.status).toBe(200);
    expect(retired.json!.health.noActiveKey).toBe(true);
  });

  it("refuses impossible transitions with 422 and the lifecycle's reason", async () => {
    const { event, key } = await setup();
    const active = (await addKey(key, event.slug, { publicKey: spkiPem(keyA), activate: true })).json!.data;
    const standby = (await addKey(key, event.slug, { publicKey: spkiPem(keyB) })).json!.data;
    const revokeActive = await transition(revoke.POST, key, event.slug, active.kid);
    expect(revokeActive.status).toBe(422);
    expect(revokeActive.json!.error.message).toContain("Retire it first");
    expect((await transition(retire.POST, key, event.slug, standby.kid)).json!.error.message).toContain("never active");
    expect((await transition(activate.POST, key, event.slug, active.kid)).json!.error.message).toBe("This key is already active.");

    expect((await transition(revoke.POST, key, event.slug, standby.kid)).status).toBe(200);
    const again = await transition(revoke.POST, key, event.slug, standby.kid);
    expect(again.status).toBe(422);
    expect(again.json!.error).toMatchObject({ code: "PRECONDITION_FAILED", message: "This key is already revoked." });
    expect((await transition(activate.POST, key, event.slug, standby.kid)).json!.error.message).toContain("never comes back");
  });

  it("answers an unknown kid with 404 that says how to list the kids", async () => {
    const { event, key } = await setup();
    const unknown = await transition(activate.POST, key, event.slug, "no-such-kid");
    expect(unknown.status).toBe(404);
    expect(unknown.json!.error.message).toContain(`GET /api/v1/events/${event.slug}/keys`);
  });
});

describe("key endpoints: authentication, roles and tenancy", () => {
  it("refuses a missing or revoked API key with 401", async () => {
    const { ctx, event } = await setup();
    const { id, key } = await makeApiKey(ctx);
    expect((await listKeys("", event.slug)).status).toBe(401);
    expect((await addKey("", event.slug, { publicKey: spkiPem(keyA) })).status).toBe(401);
    await revokeApiKey(ctx, id);
    for (const response of [
      await listKeys(key, event.slug),
      await addKey(key, event.slug, { publicKey: spkiPem(keyA) }),
      await transition(activate.POST, key, event.slug, "kid"),
      await transition(retire.POST, key, event.slug, "kid"),
      await transition(revoke.POST, key, event.slug, "kid"),
    ]) {
      expect(response.status).toBe(401);
      expect(response.json!.error.message).toContain("revoked");
    }
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("lets a viewer key list keys but change nothing (403)", async () => {
    const { ctx, event, key: viewer } = await setup("viewer");
    const { key: admin } = await makeApiKey(ctx, "admin");
    const existing = (await addKey(admin, event.slug, { publicKey: spkiPem(keyA), activate: true })).json!.data;
    expect((await listKeys(viewer, event.slug)).json!.data).toHaveLength(1);
    for (const response of [
      await addKey(viewer, event.slug, { publicKey: spkiPem(keyB) }),
      await addKey(viewer, event.slug, { generate: { keepPrivateKey: false } }),
      await transition(retire.POST, viewer, event.slug, existing.kid, { acknowledgeNoActiveKey: true }),
      await transition(revoke.POST, viewer, event.slug, existing.kid),
      await transition(activate.POST, viewer, event.slug, existing.kid),
    ]) {
      expect(response.status).toBe(403);
      expect(response.json!.error.message).toContain("read-only");
    }
    expect((await db.signingKey.findMany({ where: { eventId: event.id } })).map((k) => k.status)).toEqual(["active"]);
  });

  it("treats another organization's event and keys as not found", async () => {
    const theirs = await setup();
    const theirKey = (await addKey(theirs.key, theirs.event.slug, { publicKey: spkiPem(keyA), activate: true })).json!.data;
    const { key: mine } = await setup();
    expect((await listKeys(mine, theirs.event.slug)).status).toBe(404);
    expect((await addKey(mine, theirs.event.slug, { publicKey: spkiPem(keyB) })).status).toBe(404);
    expect((await addKey(mine, theirs.event.slug, { generate: { keepPrivateKey: false } })).status).toBe(404);
    for (const handler of [activate.POST, retire.POST, revoke.POST]) {
      expect((await transition(handler, mine, theirs.event.slug, theirKey.kid, handler === retire.POST ? { acknowledgeNoActiveKey: true } : undefined)).status).toBe(404);
    }
    expect((await db.signingKey.findMany({ where: { eventId: theirs.event.id } })).map((k) => k.status)).toEqual(["active"]);
  });

  it("finds a kid only within the event named in the path", async () => {
    const { ctx, event, key } = await setup();
    const other = await makeEvent(ctx);
    const onOther = (await addKey(key, other.slug, { publicKey: spkiPem(keyA) })).json!.data;
    expect((await transition(activate.POST, key, event.slug, onOther.kid)).status).toBe(404);
    expect((await db.signingKey.findFirstOrThrow({ where: { eventId: other.id, kid: onOther.kid } })).status).toBe("standby");
  });
});
