import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as links from "@/app/api/v1/events/[slug]/links/route";
import * as revoke from "@/app/api/v1/events/[slug]/links/[id]/revoke/route";
import { decideEntry } from "@/lib/entry/decide-entry";
import { tokenHash } from "@/lib/links/token-hash";
import { callApi, makeApiKey } from "@/test/api";
import { makeEvent, makeTenant, uid } from "@/test/factories";
import { addKeptKey } from "@/test/links";

async function setup() {
  const { ctx } = await makeTenant();
  const event = await makeEvent(ctx);
  const key = await addKeptKey(ctx, event.slug);
  return { ctx, event, key };
}

const enter = (slug: string, token: string, step: "open" | "confirm") => decideEntry({ sameOrigin: true, slug, token, step, clientAddress: uid("ip") });

describe("/api/v1/events/{slug}/links", () => {
  it("issues a link signed by the dashboard, returns its token once, lists it without the token, revokes it; all audited as the API key", async () => {
    const { ctx, event, key } = await setup();
    const { key: apiKey } = await makeApiKey(ctx);
    const issued = await callApi(links.POST, {
      method: "POST",
      key: apiKey,
      params: { slug: event.slug },
      body: { displayName: "Scripted Sam", userProfile: [["title", "QA"]], roles: ["presenter"], kind: "long_lived", lifetimeSeconds: 7200 },
    });
    expect(issued.status).toBe(201);
    const { link, token, url } = issued.json!.data;
    expect(url).toMatch(new RegExp(`/e/${event.slug}\\?token=${token.replace(/\./g, "\\.")}$`));
    expect(link).toMatchObject({ kind: "long_lived", status: "active", kid: key.kid, roles: ["presenter"], signedIn: "server", redemptions: 0, issuedBy: expect.stringContaining("API key") });
    expect(Date.parse(link.expiresAt) - Date.parse(link.issuedAt)).toBe(7200_000);
    expect((await db.issuedLink.findUniqueOrThrow({ where: { id: link.id } })).tokenHash).toBe(tokenHash(token));

    expect((await enter(event.slug, token, "open")).kind).toBe("signed_in");
    const list = await callApi(links.GET, { key: apiKey, params: { slug: event.slug }, path: `/events/${event.slug}/links?status=active&role=presenter` });
    expect(list.status).toBe(200);
    expect(list.json!.pagination).toMatchObject({ total: 1, page: 1 });
    expect(list.json!.data[0]).toMatchObject({ id: link.id, redemptions: 1 });
    expect(JSON.stringify(list.json)).not.toContain(token.split(".")[2]);

    const revoked = await callApi(revoke.POST, { method: "POST", key: apiKey, params: { slug: event.slug, id: link.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.json!.data).toMatchObject({ status: "revoked", revokedBy: expect.stringContaining("API key") });
    const outcome = await enter(event.slug, token, "open");
    expect(outcome.kind === "refused" && outcome.failure.reason).toBe("link_revoked");
    expect((await callApi(revoke.POST, { method: "POST", key: apiKey, params: { slug: event.slug, id: link.id } })).status).toBe(409);

    const audit = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, action: { startsWith: "link." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([["link.issued", "api_key"], ["link.revoked", "api_key"]]);
  });

  it("answers invalid input with 400 and the field, and impossible requests with 422", async () => {
    const { ctx, event } = await setup();
    const { key: apiKey } = await makeApiKey(ctx);
    const post = (body: unknown) => callApi(links.POST, { method: "POST", key: apiKey, params: { slug: event.slug }, body });
    expect((await post({ displayName: "" })).json!.error).toMatchObject({ code: "VALIDATION", field: "displayName" });
    expect((await post({ displayName: "X", userProfile: [["title", "ok"], ["bio", "\u202e"]] })).json!.error).toMatchObject({ code: "VALIDATION", field: "userProfile.1.1" });
    expect((await post({ displayName: "X", privateKey: "-----BEGIN RSA PRIVATE KEY-----" })).status).toBe(400);
    expect((await post({ displayName: "X", kind: "long_lived", lifetimeSeconds: 10 * 86400 })).json!.error).toMatchObject({ code: "VALIDATION", field: "lifetimeSeconds" });
    const host = await post({ displayName: "X", kind: "long_lived", roles: ["host"] });
    expect(host.status).toBe(422);
    expect(host.json!.error).toMatchObject({ code: "PRECONDITION_FAILED", field: "confirmHostLongLived" });
    expect((await post({ displayName: "X", kind: "long_lived", roles: ["host"], confirmHostLongLived: true })).status).toBe(201);
    const badQuery = await callApi(links.GET, { key: apiKey, params: { slug: event.slug }, path: `/events/${event.slug}/links?status=alive` });
    expect(badQuery.status).toBe(400);
    expect(badQuery.json!.error).toMatchObject({ field: "status" });

    const bare = await makeEvent(ctx);
    const noKey = await callApi(links.POST, { method: "POST", key: apiKey, params: { slug: bare.slug }, body: { displayName: "X" } });
    expect(noKey.status).toBe(422);
    expect(noKey.json!.error.message).toContain("Keys page");
  });

  it("lets viewer keys list but not issue or revoke, and hides other organizations' events and links", async () => {
    const { ctx, event } = await setup();
    const { key: admin } = await makeApiKey(ctx);
    const { key: viewer } = await makeApiKey(ctx, "viewer");
    const issued = await callApi(links.POST, { method: "POST", key: admin, params: { slug: event.slug }, body: { displayName: "V" } });
    const id = issued.json!.data.link.id;
    expect((await callApi(links.GET, { key: viewer, params: { slug: event.slug } })).json!.pagination.total).toBe(1);
    expect((await callApi(links.POST, { method: "POST", key: viewer, params: { slug: event.slug }, body: { displayName: "V" } })).status).toBe(403);
    expect((await callApi(revoke.POST, { method: "POST", key: viewer, params: { slug: event.slug, id } })).status).toBe(403);

    const other = await makeTenant();
    const { key: stranger } = await makeApiKey(other.ctx);
    expect((await callApi(links.GET, { key: stranger, params: { slug: event.slug } })).status).toBe(404);
    expect((await callApi(links.POST, { method: "POST", key: stranger, params: { slug: event.slug }, body: { displayName: "V" } })).status).toBe(404);
    const theirEvent = await makeEvent(other.ctx);
    expect((await callApi(revoke.POST, { method: "POST", key: stranger, params: { slug: theirEvent.slug, id } })).status).toBe(404);
    expect((await db.issuedLink.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("answers Accept: text/csv with every link the filters select, in the list's order, without tokens", async () => {
    const { ctx, event } = await setup();
    const { key: apiKey } = await makeApiKey(ctx, "viewer");
    const { key: admin } = await makeApiKey(ctx);
    const issue = async (body: Record<string, unknown>) => (await callApi(links.POST, { method: "POST", key: admin, params: { slug: event.slug }, body })).json!.data;
    const first = await issue({ displayName: "=cmd|' /C calc'!A0", roles: ["presenter"] });
    const second = await issue({ displayName: "Grace Presenter", roles: ["presenter", "host"], kind: "long_lived", lifetimeSeconds: 7200, confirmHostLongLived: true });
    await issue({ displayName: "Plain Paul" });
    // More than one page's worth would still be one file: paging does not apply to CSV.
    const csv = async (query: string, accept = "text/csv") => {
      const response = await links.GET(new Request(`http://localhost/api/v1/events/${event.slug}/links${query}`, { headers: { authorization: `Bearer ${apiKey}`, accept } }), {
        params: Promise.resolve({ slug: event.slug }),
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    };

    const presenters = await csv("?role=presenter&sort=displayName&dir=asc&pageSize=1");
    expect(presenters.status).toBe(200);
    expect(presenters.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(presenters.headers.get("content-disposition")).toBe(`attachment; filename="${event.slug}-test-links.csv"`);
    const lines = presenters.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,displayName,email,roles,kind,status,issuedAt,expiresAt,issuedBy,signedIn,kid,jti,usedAt,revokedAt,revokedBy,redemptions,lastRedeemedAt");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([first.link.id, second.link.id]);
    expect(lines[1]).toContain(`'=cmd|' /C calc'!A0`);
    expect(lines[2]).toContain(",host presenter,long_lived,active,");
    for (const { token } of [first, second]) expect(presenters.text).not.toContain(token.split(".")[2]);

    expect((await csv("?kind=one_off")).text.trimEnd().split("\r\n")).toHaveLength(3);
    expect((await csv("?q=nobody")).text).toBe(`${lines[0]}\r\n`);
    const bad = await csv("?status=alive");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatchObject({ field: "status" });
    expect((await csv("", "application/json")).headers.get("content-type")).toContain("application/json");
  });
});
