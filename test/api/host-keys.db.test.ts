import { describe, expect, it } from "vitest";
import * as event from "@/app/api/v1/events/[slug]/route";
import * as keys from "@/app/api/v1/events/[slug]/keys/route";
import * as revoke from "@/app/api/v1/events/[slug]/keys/[kid]/revoke/route";
import { GET as jwks } from "@/app/api/v1/events/[slug]/jwks.json/route";
import { POST as inspect } from "@/app/api/v1/events/[slug]/tokens/inspect/route";
import { signAttendeeToken } from "@/test/tokens";
import { callApi, makeApiKey } from "@/test/api";
import { makeEvent, makeTenant } from "@/test/factories";
import { serveJson, startJwksServer } from "@/test/jwks-server";
import { rsaPair } from "@/test/keys";

process.env.JWKS_ALLOW_INSECURE_HOSTS = "true";

const jwk = { ...(rsaPair(2048).publicKey.export({ format: "jwk" }) as object), kid: "host-2026-q4", alg: "RS256", use: "sig" };
const other = { ...(rsaPair(3072).publicKey.export({ format: "jwk" }) as object), kid: "host-2026-q4" };

async function setup() {
  const { ctx } = await makeTenant();
  const ev = await makeEvent(ctx);
  const { key } = await makeApiKey(ctx, "admin");
  return { ctx, slug: ev.slug, key };
}

describe("the host's own kid through the API", () => {
  it("keeps it beside the thumbprint in the key list and the JWKS, names keys by either, and refuses a second key under it", async () => {
    const { slug, key } = await setup();
    const added = await callApi(keys.POST, { method: "POST", key, path: `/events/${slug}/keys`, params: { slug }, body: { publicKey: JSON.stringify({ keys: [jwk] }), activate: true } });
    expect(added.status).toBe(201);
    expect(added.json!.data).toMatchObject({ hostKid: "host-2026-q4", kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(added.json!.publicKeyFormat).toBe("jwks");
    const thumbprint = added.json!.data.kid as string;

    const published = (await (await jwks(new Request(`http://test/api/v1/events/${slug}/jwks.json`), { params: Promise.resolve({ slug }) })).json()) as { keys: object[] };
    expect(published.keys).toEqual([expect.objectContaining({ kid: "host-2026-q4", "x-rfc7638-thumbprint": thumbprint })]);

    const clash = await callApi(keys.POST, { method: "POST", key, path: `/events/${slug}/keys`, params: { slug }, body: { publicKey: JSON.stringify(other) } });
    expect(clash.status).toBe(409);
    expect(clash.json!.error).toMatchObject({ reason: "duplicate_kid", field: "publicKey" });
    expect(clash.json!.error.message).toContain(`The kid “host-2026-q4” already names key ${thumbprint.slice(0, 8)} kid “host-2026-q4” (active, added`);

    // The debugger (and so the entry) matches a token naming the host's kid.
    const token = await signAttendeeToken({ privateKey: rsaPair(2048).privateKey, kid: "host-2026-q4" });
    const inspected = await callApi(inspect, { method: "POST", key, path: `/events/${slug}/tokens/inspect`, params: { slug }, body: { token } });
    expect(inspected.json!.data.verdict).toMatchObject({ accepted: true, kid: thumbprint });

    // The key paths accept the host's kid too (retiring the only active key needs the acknowledgement; revoking an active key is refused).
    const byHostKid = await callApi(revoke.POST, { method: "POST", key, path: `/events/${slug}/keys/host-2026-q4/revoke`, params: { slug, kid: "host-2026-q4" } });
    expect(byHostKid.status).toBe(422);
    expect(byHostKid.json!.error.message).toMatch(/Retire it first/);
  });
});

describe("PATCH /api/v1/events/{slug} with jwksUrl", () => {
  it("follows the URL after one trial fetch, lists its keys as jwks_url, and stops with null", async () => {
    const { slug, key } = await setup();
    const server = await startJwksServer(serveJson({ keys: [jwk, { kty: "RSA", n: "AQAB", e: "AQAB", kid: "tiny" }] }, { "cache-control": "max-age=120" }));
    try {
      const patched = await callApi(event.PATCH, { method: "PATCH", key, path: `/events/${slug}`, params: { slug }, body: { jwksUrl: server.url() } });
      expect(patched.status).toBe(200);
      expect(patched.json!.jwks).toMatchObject({ url: server.url(), acceptedKeys: ["“host-2026-q4”"], refusedKeys: [{ kid: "tiny", reason: "too_small" }] });

      const list = await callApi(keys.GET, { key, path: `/events/${slug}/keys`, params: { slug } });
      expect(list.json!.data).toEqual([expect.objectContaining({ source: "jwks_url", hostKid: "host-2026-q4", status: "active", revocation: null })]);
      expect(list.json!.jwksSource).toMatchObject({ url: server.url(), lastError: null, expired: false, refusedKeys: [{ kid: "tiny" }] });

      const stopped = await callApi(event.PATCH, { method: "PATCH", key, path: `/events/${slug}`, params: { slug }, body: { jwksUrl: null } });
      expect(stopped.json!.jwks).toBeNull();
      const after = await callApi(keys.GET, { key, path: `/events/${slug}/keys`, params: { slug } });
      expect(after.json!.jwksSource).toBeNull();
      expect(after.json!.data[0]).toMatchObject({ source: "jwks_url", status: "revoked" });
    } finally {
      await server.close();
    }
  });

  it("refuses a non-https or private URL with the field and changes nothing", async () => {
    const { slug, key } = await setup();
    process.env.JWKS_ALLOW_INSECURE_HOSTS = "false";
    try {
      for (const [url, words] of [
        ["http://auth.example.com/jwks.json", "must start with https://"],
        ["https://169.254.169.254/latest/meta-data/", "cloud metadata"],
        ["https://10.0.0.5/jwks.json", "a private network"],
      ] as const) {
        const response = await callApi(event.PATCH, { method: "PATCH", key, path: `/events/${slug}`, params: { slug }, body: { jwksUrl: url, name: "Renamed" } });
        expect(response.status).toBe(400);
        expect(response.json!.error).toMatchObject({ field: "jwksUrl", message: expect.stringContaining(words) });
      }
      const unchanged = await callApi(event.GET, { key, path: `/events/${slug}`, params: { slug } });
      expect(unchanged.json!.data.name).not.toBe("Renamed");
    } finally {
      process.env.JWKS_ALLOW_INSECURE_HOSTS = "true";
    }
  });
});
