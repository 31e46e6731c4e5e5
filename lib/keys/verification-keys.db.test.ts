import { createPublicKey } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { makeEvent, makeTenant } from "@/test/factories";
import { fakeModulusJwk, rsaPair, spkiPem } from "@/test/keys";
import { GET } from "@/app/api/v1/events/[slug]/jwks.json/route";
import { decryptPrivateKey } from "./private-key-vault";
import { generateKeySchema, keyTransitionSchema, uploadPublicKeySchema } from "./schema";
import { changeKeyStatus, generateKey, uploadPublicKey } from "./service";
import { seedActiveGeneratedKey } from "./seed";
import { loadVerificationKeys } from "./verification-keys";

/** An event with one key of each status, plus (inserted behind the service's back) a row that fails the policy. */
async function eventWithEveryStatus() {
  const { ctx } = await makeTenant("admin");
  const event = await makeEvent(ctx);
  const add = async (bits: number, activate = false) =>
    (await uploadPublicKey(ctx, uploadPublicKeySchema.parse({ eventSlug: event.slug, publicKey: spkiPem(rsaPair(bits).publicKey), activate }))).key;
  const change = (keyId: string, t: "retire" | "revoke") => changeKeyStatus(ctx, keyTransitionSchema.parse({ eventSlug: event.slug, keyId }), t);
  const generated = await generateKey(ctx, generateKeySchema.parse({ eventSlug: event.slug, keepPrivateKey: "keep", activate: true }));
  const retired = await add(2048, true);
  await change(retired.id, "retire");
  const revoked = await add(3072, true);
  await change(revoked.id, "retire");
  await change(revoked.id, "revoke");
  const standby = await add(4096);
  const weak = await db.signingKey.create({
    data: {
      eventId: event.id,
      kid: "weak",
      fingerprint: "x",
      bits: 2048,
      source: "uploaded",
      status: "active",
      publicKeyPem: spkiPem(createPublicKey({ key: fakeModulusJwk(2048, "Aw"), format: "jwk" })),
    },
  });
  return { ctx, event, generated, retired, revoked, standby, weak };
}

describe("verification keys for the attendee entry", () => {
  it("returns active, retired and revoked keys as imported KeyObjects, never standby or a key that fails the policy", async () => {
    const { event, generated, retired, revoked, weak } = await eventWithEveryStatus();
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const keys = await loadVerificationKeys(event.id);
    expect(warn).toHaveBeenCalledWith({ signingKeyId: weak.id, reason: "bad_exponent" }, "signing key fails the key policy and is not used for verification");
    warn.mockRestore();
    expect(keys.map((k) => [k.id, k.status]).sort()).toEqual(
      [
        [generated.key.id, "active"],
        [retired.id, "retired"],
        [revoked.id, "revoked"],
      ].sort(),
    );
    for (const key of keys) expect(key.publicKey.type).toBe("public");
  });

  it("verifies a token signed with the kept private key", async () => {
    const { ctx, event, generated } = await eventWithEveryStatus();
    const row = await db.signingKey.findUniqueOrThrow({ where: { id: generated.key.id } });
    const privateKey = decryptPrivateKey(row.encryptedPrivateKey!, { organizationId: ctx.organizationId, eventId: event.id, kid: row.kid });
    const token = await new SignJWT({ displayName: "Ada" }).setProtectedHeader({ alg: "RS256", kid: row.kid }).setExpirationTime("5m").sign(privateKey);
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const key = (await loadVerificationKeys(event.id)).find((k) => k.kid === row.kid)!;
    warn.mockRestore();
    expect((await jwtVerify(token, key.publicKey, { algorithms: ["RS256"] })).payload.displayName).toBe("Ada");
  });
});

describe("GET /api/v1/events/{slug}/jwks.json", () => {
  const get = (slug: string) => GET(new Request(`http://test/api/v1/events/${slug}/jwks.json`), { params: Promise.resolve({ slug }) });

  it("publishes the active and retired keys, public members only, cacheable", async () => {
    const { event, generated, retired } = await eventWithEveryStatus();
    const response = await get(event.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const body = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(body.keys.map((k) => k.kid).sort()).toEqual([generated.key.kid, retired.kid].sort());
    for (const key of body.keys) expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(JSON.stringify(body)).not.toMatch(/"d"|PRIVATE|v1\./);
  });

  it("answers 404 with a JSON error for an unknown event", async () => {
    const response = await get("no-such-event-anywhere");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});

describe("demo seed key", () => {
  it("gives the event one active generated key whose encrypted private key signs, with its audit entries", async () => {
    const { ctx } = await makeTenant("owner");
    const event = await makeEvent(ctx);
    const { kid } = await seedActiveGeneratedKey(db, event);
    const row = await db.signingKey.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({ kid, status: "active", source: "generated", bits: 2048 });
    const privateKey = decryptPrivateKey(row.encryptedPrivateKey!, { organizationId: ctx.organizationId, eventId: event.id, kid });
    expect(privateKey.asymmetricKeyType).toBe("rsa");
    const actions = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, targetType: "signing_key" }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["key.activated", "key.generated"]);
    await expect(seedActiveGeneratedKey(db, event, {})).rejects.toThrow(/KEY_ENCRYPTION_KEY/);
  });
});
