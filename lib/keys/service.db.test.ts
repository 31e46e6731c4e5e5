import { createPublicKey, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { asRole, codeOf, makeEvent, makeTenant } from "@/test/factories";
import { openSshLine, rsaPair, spkiPem } from "@/test/keys";
import { KeyRefusedError } from "./errors";
import { decryptPrivateKey } from "./private-key-vault";
import { generateKeySchema, keyTransitionSchema, uploadPublicKeySchema } from "./schema";
import { changeKeyStatus, generateKey, listEventKeys, uploadPublicKey } from "./service";
import type { TenantContext } from "@/lib/tenancy/context";
import type { KeyTransition } from "./lifecycle";

const upload = (ctx: TenantContext, eventSlug: string, publicKey: string, extra: Record<string, unknown> = {}) =>
  uploadPublicKey(ctx, uploadPublicKeySchema.parse({ eventSlug, publicKey, ...extra }));
const generate = (ctx: TenantContext, eventSlug: string, extra: Record<string, unknown> = {}) =>
  generateKey(ctx, generateKeySchema.parse({ eventSlug, keepPrivateKey: "discard", ...extra }));
const change = (ctx: TenantContext, eventSlug: string, keyId: string, transition: KeyTransition, extra: Record<string, unknown> = {}, now?: Date) =>
  changeKeyStatus(ctx, keyTransitionSchema.parse({ eventSlug, keyId, ...extra }), transition, now);

const auditOf = async (ctx: TenantContext) =>
  (await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, targetType: "signing_key" }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
const versionOf = async (eventId: string) => (await db.event.findUniqueOrThrow({ where: { id: eventId } })).configVersion;

describe("signing key service", () => {
  const keyA = rsaPair(2048).publicKey;
  const keyB = rsaPair(3072).publicKey;

  it("adds a pasted public key as standby, stores only SPKI, audits it and bumps the config version", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const before = await versionOf(event.id);
    const { key, format } = await upload(ctx, event.slug, openSshLine(keyA), { label: "Laptop key" });
    expect(format).toBe("openssh");
    expect(key).toMatchObject({ status: "standby", source: "uploaded", bits: 2048, label: "Laptop key" });
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(Object.keys(key)).not.toContain("publicKeyPem");
    const row = await db.signingKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.publicKeyPem).toBe(spkiPem(keyA));
    expect(row.fingerprint).toBe(key.fingerprint.slice("SHA256:".length));
    expect(row.encryptedPrivateKey).toBeNull();
    expect(row.createdById).toBe(ctx.actor.id);
    expect(await versionOf(event.id)).toBe(before + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId: ctx.organizationId, action: "key.uploaded" } });
    expect(audit).toMatchObject({ targetId: key.id, eventSlug: event.slug, actorLabel: ctx.actor.label });
    expect(JSON.parse(audit.details!)).toMatchObject({ kid: key.kid, fingerprint: key.fingerprint, format: "openssh" });
  });

  it("activates at once when asked, with both audit entries", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const { key } = await upload(ctx, event.slug, spkiPem(keyA), { activate: "on" });
    expect(key.status).toBe("active");
    expect(await auditOf(ctx)).toEqual(["key.uploaded", "key.activated"]);
  });

  it("refuses a pasted private key and stores nothing: no key, no audit entry, no config change", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const before = await versionOf(event.id);
    const { privateKey } = rsaPair(2048);
    const error = await upload(ctx, event.slug, privateKey.export({ type: "pkcs1", format: "pem" }).toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyRefusedError);
    expect((error as KeyRefusedError).toBody()).toMatchObject({ code: "VALIDATION", reason: "private_key", field: "publicKey" });
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);
    expect(await auditOf(ctx)).toEqual([]);
    expect(await versionOf(event.id)).toBe(before);
  });

  it("refuses a key already on the event, in any format, pointing to it; the same key may serve another event", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const { key } = await upload(ctx, event.slug, spkiPem(keyA), { label: "Main" });
    const error = (await upload(ctx, event.slug, openSshLine(keyA)).catch((e: unknown) => e)) as KeyRefusedError;
    expect(error).toBeInstanceOf(KeyRefusedError);
    expect(error.toBody()).toMatchObject({ code: "CONFLICT", reason: "duplicate", field: "publicKey" });
    expect(error.message).toContain(`key ${key.shortKid}`);
    expect(error.message).toContain("“Main” (standby");
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(1);

    await change(ctx, event.slug, key.id, "revoke");
    const again = (await upload(ctx, event.slug, spkiPem(keyA)).catch((e: unknown) => e)) as KeyRefusedError;
    expect(again.message).toContain("revoked keys never come back");

    const other = await makeEvent(ctx);
    expect((await upload(ctx, other.slug, spkiPem(keyA))).key.kid).toBe(key.kid);
  });

  it("generates a key whose private key is returned once and, when chosen, kept encrypted and bound to the event", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const result = await generate(ctx, event.slug, { keepPrivateKey: "keep", privateKeyFormat: "pkcs1", activate: true });
    expect(result.key).toMatchObject({ status: "active", source: "generated", bits: 2048 });
    expect(result.privateKey.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(result.privateKey.fileName).toBe(`${event.slug}-${result.key.shortKid}.key`);
    expect(result.keptEncryptedCopy).toBe(true);

    const row = await db.signingKey.findUniqueOrThrow({ where: { id: result.key.id } });
    expect(row.encryptedPrivateKey).toMatch(/^v1\./);
    const binding = { organizationId: ctx.organizationId, eventId: event.id, kid: row.kid };
    const signature = sign("sha256", Buffer.from("x"), decryptPrivateKey(row.encryptedPrivateKey!, binding));
    expect(verify("sha256", Buffer.from("x"), createPublicKey(row.publicKeyPem), signature)).toBe(true);
    // Copied onto another event's key row, it does not decrypt.
    expect(() => decryptPrivateKey(row.encryptedPrivateKey!, { ...binding, eventId: "another-event" })).toThrow();

    const audit = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId } });
    const logged = JSON.stringify(audit);
    expect(logged).not.toContain("PRIVATE KEY");
    expect(logged).not.toContain(row.encryptedPrivateKey!.slice(20, 60));
    expect(JSON.parse(audit.find((a) => a.action === "key.generated")!.details!)).toMatchObject({ keptEncryptedCopy: true, privateKeyFormat: "pkcs1" });
  });

  it("keeps no copy when the admin says so, and offers PKCS#8", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const result = await generate(ctx, event.slug, { keepPrivateKey: "discard", privateKeyFormat: "pkcs8", bits: "3072" });
    expect(result.privateKey.pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(result.key.bits).toBe(3072);
    expect((await db.signingKey.findUniqueOrThrow({ where: { id: result.key.id } })).encryptedPrivateKey).toBeNull();
  });

  it("refuses to keep a copy without a valid key-encryption key, before generating anything", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const saved = process.env.KEY_ENCRYPTION_KEY;
    try {
      for (const value of [undefined, "not-a-key"]) {
        if (value === undefined) delete process.env.KEY_ENCRYPTION_KEY;
        else process.env.KEY_ENCRYPTION_KEY = value;
        const error = await generate(ctx, event.slug, { keepPrivateKey: "keep" }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: "PRECONDITION_FAILED", field: "keepPrivateKey" });
      }
    } finally {
      process.env.KEY_ENCRYPTION_KEY = saved;
    }
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("insists the admin chooses whether a copy is kept", () => {
    const parsed = generateKeySchema.safeParse({ eventSlug: "x" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["keepPrivateKey"]);
  });

  it("rotates without downtime: activate new, retire old, revoke old; each step audited and versioned", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const old = (await upload(ctx, event.slug, spkiPem(keyA), { activate: true })).key;
    const next = (await upload(ctx, event.slug, spkiPem(keyB))).key;
    const v0 = await versionOf(event.id);
    const t = (m: number) => new Date(Date.UTC(2027, 2, 1, 10, m));

    expect((await change(ctx, event.slug, next.id, "activate", {}, t(1))).health).toMatchObject({ active: 2, noActiveKey: false });
    expect((await change(ctx, event.slug, old.id, "retire", {}, t(2))).key.status).toBe("retired");
    // One minute after retiring, a token the old key signed may still be valid: revoking needs an explicit yes.
    const early = change(ctx, event.slug, old.id, "revoke", {}, t(3));
    await expect(early).rejects.toMatchObject({ code: "PRECONDITION_FAILED", field: "acknowledgeUnsafeRevoke" });
    await expect(change(ctx, event.slug, old.id, "revoke", {}, t(3))).rejects.toThrow(
      new RegExp(`refuses every token signed with key ${old.shortKid} that is still valid, which may be the case until 8 Mar 2027, 10:03 UTC`),
    );
    expect((await change(ctx, event.slug, old.id, "revoke", { acknowledgeUnsafeRevoke: true }, t(3))).key.status).toBe("revoked");
    expect(await versionOf(event.id)).toBe(v0 + 3); // the refused attempts changed nothing

    const row = (id: string) => db.signingKey.findUniqueOrThrow({ where: { id } });
    expect(await row(old.id)).toMatchObject({ status: "revoked", retiredAt: t(2), revokedAt: t(3) });
    expect(await row(next.id)).toMatchObject({ status: "active", activatedAt: t(1), retiredAt: null });
    expect(await auditOf(ctx)).toEqual(["key.uploaded", "key.activated", "key.uploaded", "key.activated", "key.retired", "key.revoked"]);
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(2);
    const revoked = await db.auditLog.findFirstOrThrow({ where: { organizationId: ctx.organizationId, action: "key.revoked" } });
    expect(JSON.parse(revoked.details!)).toMatchObject({ from: "retired", to: "revoked", safeToRevoke: false });

    // Revoking destroys the dashboard's encrypted copy of the private key.
    const kept = (await generate(ctx, event.slug, { keepPrivateKey: "keep" })).key;
    expect((await row(kept.id)).encryptedPrivateKey).not.toBeNull();
    await change(ctx, event.slug, kept.id, "revoke");
    expect((await row(kept.id)).encryptedPrivateKey).toBeNull();
    const destroyed = await db.auditLog.findFirstOrThrow({ where: { organizationId: ctx.organizationId, action: "key.revoked", targetId: kept.id } });
    expect(JSON.parse(destroyed.details!)).toMatchObject({ from: "standby", keptPrivateKeyDestroyed: true, safeToRevoke: true });

    // Revoked never comes back.
    expect(await codeOf(change(ctx, event.slug, old.id, "activate"))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(change(ctx, event.slug, next.id, "revoke"))).toBe("PRECONDITION_FAILED");
  });

  it("will not retire the only active key unless the admin acknowledges that nobody can sign in", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const only = (await upload(ctx, event.slug, spkiPem(keyA), { activate: true })).key;
    const error = await change(ctx, event.slug, only.id, "retire").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", field: "acknowledgeNoActiveKey" });
    expect((await db.signingKey.findUniqueOrThrow({ where: { id: only.id } })).status).toBe("active");
    const done = await change(ctx, event.slug, only.id, "retire", { acknowledgeNoActiveKey: true });
    expect(done.health.noActiveKey).toBe(true);
  });

  it("serializes concurrent retirements so the event never silently loses its last active key", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const a = (await upload(ctx, event.slug, spkiPem(keyA), { activate: true })).key;
    const b = (await upload(ctx, event.slug, spkiPem(keyB), { activate: true })).key;
    const codes = await Promise.all([codeOf(change(ctx, event.slug, a.id, "retire")), codeOf(change(ctx, event.slug, b.id, "retire"))]);
    expect(codes.sort()).toEqual(["PRECONDITION_FAILED", "no error"]);
    expect(await db.signingKey.count({ where: { eventId: event.id, status: "active" } })).toBe(1);
  });

  it("lists keys grouped by status with usage and revocation safety, and no private material", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx, { longLivedMaxSeconds: 3600, oneOffLifetimeSeconds: 300, leewaySeconds: 60 });
    const retired = (await upload(ctx, event.slug, spkiPem(keyA), { activate: true })).key;
    await generate(ctx, event.slug, { keepPrivateKey: "keep", activate: true });
    const retiredAt = new Date(Date.UTC(2027, 2, 1, 10, 0));
    await change(ctx, event.slug, retired.id, "retire", {}, retiredAt);
    await upload(ctx, event.slug, spkiPem(keyB));

    const soon = await listEventKeys(ctx, event.slug, new Date(retiredAt.getTime() + 3000 * 1000));
    expect(soon.keys.map((k) => k.status)).toEqual(["active", "standby", "retired"]);
    expect(soon.health).toMatchObject({ active: 1, standby: 1, retired: 1, noActiveKey: false });
    expect(soon.keys[2]!.revocation).toEqual({ kind: "wait", safeAt: new Date(retiredAt.getTime() + 3660 * 1000), lastUsedAt: null });
    expect(soon.keys.map((k) => k.keepsPrivateKey)).toEqual([true, false, false]);
    for (const key of soon.keys) expect(Object.keys(key)).not.toContain("encryptedPrivateKey");
    const later = await listEventKeys(ctx, event.slug, new Date(retiredAt.getTime() + 3660 * 1000));
    expect(later.keys[2]!.revocation.kind).toBe("safe");
  });

  it("lets viewers read but refuses every change with FORBIDDEN", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const { key } = await upload(ctx, event.slug, spkiPem(keyA), { activate: true });
    const viewer = asRole(ctx, "viewer");
    expect((await listEventKeys(viewer, event.slug)).keys).toHaveLength(1);
    expect(await codeOf(upload(viewer, event.slug, spkiPem(keyB)))).toBe("FORBIDDEN");
    expect(await codeOf(generate(viewer, event.slug))).toBe("FORBIDDEN");
    for (const transition of ["activate", "retire", "revoke"] as const) {
      expect(await codeOf(change(viewer, event.slug, key.id, transition, { acknowledgeNoActiveKey: true }))).toBe("FORBIDDEN");
    }
    expect((await db.signingKey.findUniqueOrThrow({ where: { id: key.id } })).status).toBe("active");
  });

  it("treats another organization's event and keys as not found, even through one's own event", async () => {
    const a = await makeTenant("admin");
    const b = await makeTenant("owner");
    const eventA = await makeEvent(a.ctx);
    const eventB = await makeEvent(b.ctx);
    const { key } = await upload(a.ctx, eventA.slug, spkiPem(keyA), { activate: true });
    expect(await codeOf(listEventKeys(b.ctx, eventA.slug))).toBe("NOT_FOUND");
    expect(await codeOf(upload(b.ctx, eventA.slug, spkiPem(keyB)))).toBe("NOT_FOUND");
    expect(await codeOf(generate(b.ctx, eventA.slug))).toBe("NOT_FOUND");
    for (const transition of ["activate", "retire", "revoke"] as const) {
      expect(await codeOf(change(b.ctx, eventA.slug, key.id, transition, { acknowledgeNoActiveKey: true }))).toBe("NOT_FOUND");
      expect(await codeOf(change(b.ctx, eventB.slug, key.id, transition, { acknowledgeNoActiveKey: true }))).toBe("NOT_FOUND");
    }
    expect((await db.signingKey.findUniqueOrThrow({ where: { id: key.id } })).status).toBe("active");
    expect(await db.auditLog.count({ where: { organizationId: b.ctx.organizationId, targetType: "signing_key" } })).toBe(0);
  });
});
