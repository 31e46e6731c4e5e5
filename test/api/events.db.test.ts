import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as events from "@/app/api/v1/events/route";
import * as event from "@/app/api/v1/events/[slug]/route";
import { revokeApiKey } from "@/lib/api-keys/service";
import { callApi, makeApiKey } from "@/test/api";
import { makeEvent, makeTenant, uid } from "@/test/factories";

const newEvent = (overrides: Record<string, unknown> = {}) => ({ name: "API Event", slug: uid("api"), contact: "help@example.com", ...overrides });

describe("API authentication", () => {
  it("refuses a missing, malformed, unknown or revoked key with 401 and says what to do", async () => {
    const { ctx } = await makeTenant();
    const missing = await callApi(events.GET, { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json!.error).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(missing.json!.error.message).toContain("Authorization: Bearer");
    expect((await callApi(events.GET, { key: "evk_not-a-real-key" })).status).toBe(401);
    const { id, key } = await makeApiKey(ctx, "admin");
    expect((await callApi(events.GET, { key })).status).toBe(200);
    await revokeApiKey(ctx, id);
    const revoked = await callApi(events.GET, { key });
    expect(revoked.status).toBe(401);
    expect(revoked.json!.error.message).toContain("revoked");
  });

  it("answers 429 with Retry-After once the key's budget is spent", async () => {
    const { ctx } = await makeTenant();
    const { id, key } = await makeApiKey(ctx);
    await db.apikey.update({ where: { id }, data: { rateLimitMax: 2 } });
    expect((await callApi(events.GET, { key })).status).toBe(200);
    expect((await callApi(events.GET, { key })).status).toBe(200);
    const limited = await callApi(events.GET, { key });
    expect(limited.status).toBe(429);
    expect(limited.json!.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("/api/v1/events", () => {
  it("creates, lists, reads, patches and deletes, audited as the API key", async () => {
    const { ctx } = await makeTenant();
    const { key } = await makeApiKey(ctx);
    const input = newEvent({ leewaySeconds: 30, startsAt: "2027-04-01T15:00:00Z" });
    const created = await callApi(events.POST, { method: "POST", key, body: input });
    expect(created.status).toBe(201);
    expect(created.json!.data).toMatchObject({ slug: input.slug, policy: { leewaySeconds: 30, oneOffLifetimeSeconds: 300 }, startsAt: "2027-04-01T15:00:00.000Z" });
    expect(created.json!.data.entryUrl).toMatch(new RegExp(`/e/${input.slug}$`));

    const list = await callApi(events.GET, { key, path: "/events?pageSize=1" });
    expect(list.json!.pagination).toMatchObject({ page: 1, pageSize: 1, total: 1 });

    const patched = await callApi(event.PATCH, { method: "PATCH", key, params: { slug: input.slug }, body: { name: "Renamed", requireExp: false } });
    expect(patched.status).toBe(200);
    expect(patched.json!.data).toMatchObject({ name: "Renamed", policy: { requireExp: false, leewaySeconds: 30 } });

    expect((await callApi(event.GET, { key, params: { slug: input.slug } })).json!.data.name).toBe("Renamed");
    const deleted = await callApi(event.DELETE, { method: "DELETE", key, params: { slug: input.slug } });
    expect(deleted.json).toEqual({ data: { deleted: true, slug: input.slug } });
    expect((await callApi(event.GET, { key, params: { slug: input.slug } })).status).toBe(404);

    const audit = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, action: { startsWith: "event." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["event.created", "event.updated", "event.deleted"]);
    expect(audit.every((a) => a.actorType === "api_key" && a.actorLabel.startsWith('API key "test admin"'))).toBe(true);
  });

  it("takes the list's query from its documented schema: search, sort and page, an unknown sort refused with the field", async () => {
    const { ctx } = await makeTenant();
    const { key } = await makeApiKey(ctx);
    for (const name of ["Alpha Summit", "Beta Forum", "Gamma Summit"]) expect((await callApi(events.POST, { method: "POST", key, body: newEvent({ name }) })).status).toBe(201);

    const found = await callApi(events.GET, { key, path: "/events?q=summit&sort=name&dir=asc" });
    expect(found.json!.data.map((e: { name: string }) => e.name)).toEqual(["Alpha Summit", "Gamma Summit"]);
    const unknownSort = await callApi(events.GET, { key, path: "/events?sort=colour" });
    expect(unknownSort.status).toBe(400);
    expect(unknownSort.json!.error).toMatchObject({ code: "VALIDATION", field: "sort", message: expect.stringContaining("sort is one of name, slug, startsAt, createdAt") });
  });

  it("answers bad bodies with 400 and the field at fault", async () => {
    const { ctx } = await makeTenant();
    const { key } = await makeApiKey(ctx);
    const badSlug = await callApi(events.POST, { method: "POST", key, body: newEvent({ slug: "Not A Slug" }) });
    expect(badSlug.status).toBe(400);
    expect(badSlug.json!.error).toMatchObject({ code: "VALIDATION", field: "slug" });
    const several = await callApi(events.POST, { method: "POST", key, body: { name: "", slug: "ok-slug", leewaySeconds: "60" } });
    expect(several.status).toBe(400);
    expect(Object.keys(several.json!.error.fields)).toEqual(expect.arrayContaining(["name", "contact", "leewaySeconds"]));
    expect(several.json!.error.fields.leewaySeconds).toContain("whole number");
    const notJson = await callApi(events.POST, { method: "POST", key, rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(notJson.json!.error.message).toBe("The request body is not valid JSON.");
    const wrongType = await callApi(events.POST, { method: "POST", key, rawBody: "name=x" });
    expect(wrongType.json!.error.message).toContain("Content-Type: application/json");
    const unknownField = await callApi(event.PATCH, { method: "PATCH", key, params: { slug: "whatever" }, body: { nmae: "typo" } });
    expect(unknownField.status).toBe(400);
    // Creating refuses unknown members too, instead of silently dropping them (and the event is not created).
    const slug = uid("typo");
    const typo = await callApi(events.POST, { method: "POST", key, body: newEvent({ slug, startAt: "2027-04-01T15:00:00Z", organizationId: "other" }) });
    expect(typo.status).toBe(400);
    expect(Object.keys(typo.json!.error.fields ?? { [typo.json!.error.field]: 1 })).toEqual(expect.arrayContaining(["startAt"]));
    expect(await db.event.count({ where: { slug } })).toBe(0);
    const endBeforeStart = await makeEvent(ctx, { startsAt: "2027-04-01T15:00:00Z" });
    const patch = await callApi(event.PATCH, { method: "PATCH", key, params: { slug: endBeforeStart.slug }, body: { endsAt: "2027-04-01T14:00:00Z" } });
    expect(patch.json!.error).toMatchObject({ code: "VALIDATION", field: "endsAt" });
  });

  it("answers a taken slug with 409 on the slug field", async () => {
    const { ctx } = await makeTenant();
    const existing = await makeEvent(ctx);
    const { key } = await makeApiKey(ctx);
    const taken = await callApi(events.POST, { method: "POST", key, body: newEvent({ slug: existing.slug }) });
    expect(taken.status).toBe(409);
    expect(taken.json!.error).toMatchObject({ code: "CONFLICT", field: "slug" });
  });

  it("lets viewer keys read but not write", async () => {
    const { ctx } = await makeTenant();
    const existing = await makeEvent(ctx);
    const { key } = await makeApiKey(ctx, "viewer");
    expect((await callApi(event.GET, { key, params: { slug: existing.slug } })).status).toBe(200);
    const write = await callApi(events.POST, { method: "POST", key, body: newEvent() });
    expect(write.status).toBe(403);
    expect(write.json!.error.message).toContain("read-only");
    expect((await callApi(event.DELETE, { method: "DELETE", key, params: { slug: existing.slug } })).status).toBe(403);
    expect(await db.event.count({ where: { id: existing.id } })).toBe(1);
  });

  it("treats another organization's events as not found", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const theirs = await makeEvent(a.ctx);
    const { key } = await makeApiKey(b.ctx);
    for (const [handler, method] of [[event.GET, "GET"], [event.PATCH, "PATCH"], [event.DELETE, "DELETE"]] as const) {
      const response = await callApi(handler, { method, key, params: { slug: theirs.slug }, body: method === "PATCH" ? { name: "x" } : undefined });
      expect(response.status, method).toBe(404);
    }
    expect((await callApi(events.GET, { key })).json!.data).toEqual([]);
  });
});
