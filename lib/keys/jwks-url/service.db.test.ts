import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDatabaseClient } from "@/lib/db/create-client";
import { decideEntry, type EntryDecision } from "@/lib/entry/decide-entry";
import { forgetCachedEntryEvents } from "@/lib/entry/event-config";
import { changeKeyStatus, listEventKeys, uploadPublicKey } from "@/lib/keys/service";
import { loadVerificationKeys } from "@/lib/keys/verification-keys";
import { createKeyCache } from "@/lib/tokens/key-cache";
import { codeOf, makeEvent, makeTenant } from "@/test/factories";
import { serveJson, startJwksServer, type JwksServer } from "@/test/jwks-server";
import { keyPair } from "@/test/keys";
import { signAttendeeToken } from "@/test/tokens";
import { refreshJwks, setJwksUrl, jwksSourceOf } from "./service";

// The local server is plain http on 127.0.0.1: what JWKS_ALLOW_INSECURE_HOSTS=true is for (tests and local development only).
process.env.JWKS_ALLOW_INSECURE_HOSTS = "true";

const T0 = new Date("2027-03-01T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function hostKey(kid: string) {
  const pair = keyPair(`host-${kid}`);
  return { kid, privateKey: pair.privateKey, jwk: { ...(pair.publicKey.export({ format: "jwk" }) as object), kid, alg: "RS256", use: "sig" }, publicKey: pair.publicKey };
}
/** What the host publishes now. */
let published: Array<ReturnType<typeof hostKey>> = [];

let server: JwksServer;
beforeAll(async () => {
  server = await startJwksServer((req, res) => serveJson({ keys: published.map((k) => k.jwk) }, { "cache-control": "max-age=600" })(req, res));
});
afterAll(() => server.close());
beforeEach(() => {
  published = [];
  server.respond = (req, res) => serveJson({ keys: published.map((k) => k.jwk) }, { "cache-control": "max-age=600" })(req, res);
});

const reasonOf = (outcome: EntryDecision) => (outcome.kind === "refused" ? outcome.failure.reason : outcome.kind);
let address = 0;
/** An attendee arriving with a token the host signed with `kid` (each from its own address: refusals spend a budget). */
async function arrive(slug: string, key: ReturnType<typeof hostKey>, now: Date) {
  const token = await signAttendeeToken({ privateKey: key.privateKey, kid: key.kid }, { displayName: "Ada" }, { now, jti: null });
  // The entry trusts its copy of the event row for 250 ms of real time; the test jumps hours at once.
  forgetCachedEntryEvents();
  return reasonOf(await decideEntry({ slug, token, step: "open", clientAddress: `198.51.100.${++address % 250}`, now }));
}

async function followingEvent() {
  const { ctx } = await makeTenant("admin");
  const event = await makeEvent(ctx);
  return { ctx, event };
}

const auditActions = async (organizationId: string) =>
  (await db.auditLog.findMany({ where: { organizationId, action: { startsWith: "key." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);

describe("following a host's JWKS URL", () => {
  it("checks the URL, fetches it once and shows the result; its keys verify under the host's kids", async () => {
    const { ctx, event } = await followingEvent();
    published = [hostKey("host-2026-q4")];
    const before = (await db.event.findUniqueOrThrow({ where: { id: event.id } })).configVersion;
    const trial = await setJwksUrl(ctx, event.slug, server.url(), T0);
    expect(trial).toMatchObject({ url: server.url(), accepted: ["“host-2026-q4”"], refused: [], nextFetchAt: at(600) });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).configVersion).toBeGreaterThan(before);

    const { keys } = await listEventKeys(ctx, event.slug, T0);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ source: "jwks_url", status: "active", hostKid: "host-2026-q4" });
    expect(await arrive(event.slug, published[0]!, at(5))).toBe("signed_in");
    expect(await auditActions(ctx.organizationId)).toEqual(["key.url_key_added", "key.jwks_url_set"]);
  });

  it("refuses a URL it cannot use, and changes nothing", async () => {
    const { ctx, event } = await followingEvent();
    const refusal = (url: string) => setJwksUrl(ctx, event.slug, url, T0).then(() => null, (e: { code: string; field: string; message: string }) => e);

    process.env.JWKS_ALLOW_INSECURE_HOSTS = "false";
    try {
      expect(await refusal(server.url())).toMatchObject({ code: "VALIDATION", field: "jwksUrl", message: expect.stringMatching(/must start with https:\/\//) });
      expect(await refusal("https://127.0.0.1/jwks.json")).toMatchObject({ message: expect.stringContaining("loopback") });
    } finally {
      process.env.JWKS_ALLOW_INSECURE_HOSTS = "true";
    }
    server.respond = (_, res) => res.writeHead(404).end();
    expect(await refusal(server.url())).toMatchObject({ message: expect.stringContaining("answered HTTP 404") });
    server.respond = serveJson("<html>login</html>");
    expect(await refusal(server.url())).toMatchObject({ message: expect.stringContaining("not JSON") });
    server.respond = serveJson({ keys: [{ kty: "EC", crv: "P-256", x: "a", y: "b", kid: "ec" }] });
    expect(await refusal(server.url())).toMatchObject({ message: expect.stringMatching(/holds no key the entry could use\. ec: This is an elliptic-curve JWK/) });

    expect(await db.jwksSource.findUnique({ where: { eventId: event.id } })).toBeNull();
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);
    expect(await auditActions(ctx.organizationId)).toEqual([]);
  });

  it("follows a rotation at the host with no dashboard action: new key published, then the old one withdrawn", async () => {
    const { ctx, event } = await followingEvent();
    const [q3, q4] = [hostKey("host-q3"), hostKey("host-q4")];
    published = [q3];
    await setJwksUrl(ctx, event.slug, server.url(), T0);
    expect(await arrive(event.slug, q3, at(10))).toBe("signed_in");

    // The host publishes its next key and signs with it at once: the unknown kid makes the entry refresh.
    published = [q3, q4];
    const fetches = server.requests;
    expect(await arrive(event.slug, q4, at(60))).toBe("signed_in");
    expect(server.requests).toBe(fetches + 1);
    expect(await arrive(event.slug, q3, at(61))).toBe("signed_in"); // tokens in flight still verify

    // The host withdraws the old key: the next scheduled refresh stops it verifying, audited.
    published = [q4];
    expect(await refreshJwks(event.id, "schedule", at(300))).toEqual({ fetched: false }); // not due (max-age 600)
    expect(await refreshJwks(event.id, "schedule", at(700))).toMatchObject({ fetched: true, ok: true, changed: true });
    expect(await arrive(event.slug, q3, at(701))).toBe("key_revoked");
    expect(await arrive(event.slug, q4, at(702))).toBe("signed_in");
    const withdrawn = await db.auditLog.findFirstOrThrow({ where: { organizationId: ctx.organizationId, action: "key.url_key_withdrawn" } });
    expect(withdrawn).toMatchObject({ actorType: "system", actorLabel: "JWKS URL refresh", targetLabel: "Key “host-q3” (JWKS URL)" });
  });

  it("refreshes on unknown kids at most once per 30 s per event", async () => {
    const { ctx, event } = await followingEvent();
    published = [hostKey("host-a")];
    await setJwksUrl(ctx, event.slug, server.url(), T0);
    const fetches = server.requests;
    const stranger = hostKey("never-published");
    expect(await arrive(event.slug, stranger, at(100))).toBe("unknown_key");
    expect(await arrive(event.slug, stranger, at(110))).toBe("unknown_key");
    expect(await arrive(event.slug, stranger, at(129))).toBe("unknown_key");
    expect(server.requests).toBe(fetches + 1);
    expect(await arrive(event.slug, stranger, at(131))).toBe("unknown_key");
    expect(server.requests).toBe(fetches + 2);
  });

  it("keeps the last good set through failures for 24 hours, shows the error, then stops using it", async () => {
    const { ctx, event } = await followingEvent();
    const key = hostKey("host-a");
    published = [key];
    await setJwksUrl(ctx, event.slug, server.url(), T0);
    server.respond = (_, res) => res.writeHead(503).end();

    expect(await refreshJwks(event.id, "schedule", at(700))).toMatchObject({ fetched: true, ok: false, expired: false, error: expect.stringContaining("HTTP 503") });
    expect(await arrive(event.slug, key, at(701))).toBe("signed_in");
    const view = await jwksSourceOf(event.id, at(701));
    expect(view).toMatchObject({ lastSuccessAt: T0, lastError: "It answered HTTP 503 instead of 200 with the JWKS.", expired: false, nextFetchAt: at(760) });

    const dayLater = at(24 * 3600 + 60);
    expect(await refreshJwks(event.id, "schedule", dayLater)).toMatchObject({ fetched: true, ok: false, expired: true });
    expect(await arrive(event.slug, key, at(24 * 3600 + 61))).toBe("key_revoked");
    expect((await jwksSourceOf(event.id, dayLater))?.expired).toBe(true);

    // The host's endpoint comes back: its keys verify again.
    server.respond = serveJson({ keys: [key.jwk] });
    expect(await refreshJwks(event.id, "schedule", at(24 * 3600 + 200))).toMatchObject({ ok: true, changed: true });
    expect(await arrive(event.slug, key, at(24 * 3600 + 201))).toBe("signed_in");
  });

  it("shares one set between instances: one fetch, every instance verifies with it", async () => {
    const { ctx, event } = await followingEvent();
    const [a, b] = [hostKey("host-a"), hostKey("host-b")];
    published = [a];
    await setJwksUrl(ctx, event.slug, server.url(), T0);
    // Two instances: each has its own key cache; the second also has its own database client.
    const second = createDatabaseClient(process.env.DATABASE_URL!);
    const cacheOf = (client: typeof db) =>
      createKeyCache({
        load: async (eventId) => ({
          configVersion: (await client.event.findUniqueOrThrow({ where: { id: eventId } })).configVersion,
          keys: await loadVerificationKeys(eventId),
        }),
      });
    const [one, two] = [cacheOf(db), cacheOf(second)];
    const version = async (client: typeof db) => (await client.event.findUniqueOrThrow({ where: { id: event.id } })).configVersion;
    expect((await one.get(event.id, await version(db))).map((k) => k.hostKid)).toEqual(["host-a"]);
    expect((await two.get(event.id, await version(second))).map((k) => k.hostKid)).toEqual(["host-a"]);

    published = [a, b];
    const fetches = server.requests;
    // Both instances find the refresh due at once; one claims it, the other leaves it.
    const outcomes = await Promise.all([refreshJwks(event.id, "schedule", at(601)), refreshJwks(event.id, "schedule", at(601))]);
    expect(outcomes.filter((o) => o.fetched)).toHaveLength(1);
    expect(server.requests).toBe(fetches + 1);
    expect((await two.get(event.id, await version(second))).map((k) => k.hostKid).sort()).toEqual(["host-a", "host-b"]);
    expect((await one.get(event.id, await version(db))).map((k) => k.hostKid).sort()).toEqual(["host-a", "host-b"]);
    expect(await second.jwksSource.findUniqueOrThrow({ where: { eventId: event.id } })).toMatchObject({ lastSuccessAt: at(601), nextFetchAt: at(1201) });
    await second.$disconnect();
  });

  it("never lets the dashboard revoke or retire a URL key, and keeps pasted keys and URL keys from sharing a kid", async () => {
    const { ctx, event } = await followingEvent();
    const a = hostKey("host-a");
    published = [a];
    await setJwksUrl(ctx, event.slug, server.url(), T0);
    const urlKey = (await listEventKeys(ctx, event.slug, T0)).keys[0]!;
    for (const transition of ["retire", "revoke"] as const) {
      expect(await codeOf(changeKeyStatus(ctx, { eventSlug: event.slug, keyId: urlKey.id, acknowledgeNoActiveKey: true, acknowledgeUnsafeRevoke: true }, transition))).toBe(
        "PRECONDITION_FAILED",
      );
    }
    // Pasting another key under the URL key's kid is refused, naming the URL key.
    const other = hostKey("other");
    const pasted = uploadPublicKey(ctx, { eventSlug: event.slug, publicKey: JSON.stringify({ ...other.jwk, kid: "host-a" }), label: null, activate: false });
    await expect(pasted).rejects.toThrow(/The kid “host-a” already names key .{8} kid “host-a” \(active, from the JWKS URL\), a different key/);

    // A key pasted here and also published at the URL verifies once, from the pasted copy; the URL copy is listed as skipped.
    const b = hostKey("host-b");
    await uploadPublicKey(ctx, { eventSlug: event.slug, publicKey: JSON.stringify(b.jwk), label: "pasted", activate: true });
    published = [a, b];
    await refreshJwks(event.id, "schedule", at(601));
    const view = await jwksSourceOf(event.id, at(601));
    expect(view?.refused).toEqual([{ kid: "host-b", reason: "duplicate", message: expect.stringMatching(/already on the event as key .{8} kid “host-b” “pasted” \(active, added/) }]);
  });

  it("stops following: the URL's keys stop verifying, audited", async () => {
    const { ctx, event } = await followingEvent();
    const a = hostKey("host-a");
    published = [a];
    await setJwksUrl(ctx, event.slug, server.url(), T0);
    expect(await setJwksUrl(ctx, event.slug, null, at(10))).toBeNull();
    expect(await arrive(event.slug, a, at(11))).toBe("key_revoked");
    expect(await db.jwksSource.findUnique({ where: { eventId: event.id } })).toBeNull();
    expect(await auditActions(ctx.organizationId)).toEqual(["key.url_key_added", "key.jwks_url_set", "key.url_key_withdrawn", "key.jwks_url_removed"]);
  });
});
