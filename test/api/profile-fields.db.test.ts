import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as fields from "@/app/api/v1/events/[slug]/profile-fields/route";
import { revokeApiKey } from "@/lib/api-keys/service";
import { addProfileField } from "@/lib/profile/service";
import { callApi, makeApiKey } from "@/test/api";
import { makeEvent, makeTenant } from "@/test/factories";

async function setup(role: "admin" | "viewer" = "admin") {
  const { ctx } = await makeTenant();
  const event = await makeEvent(ctx);
  const { key } = await makeApiKey(ctx, role);
  return { ctx, event, key };
}

const get = (key: string, slug: string) => callApi(fields.GET, { key, path: `/events/${slug}/profile-fields`, params: { slug } });
const put = (key: string, slug: string, body: unknown) => callApi(fields.PUT, { method: "PUT", key, path: `/events/${slug}/profile-fields`, params: { slug }, body });

const DOC_FIELDS = [
  { key: "organization", label: "Organization", kind: "text" },
  { key: "title", label: "Title", kind: "text" },
  { key: "interests", label: "Interests", kind: "text" },
];

describe("/api/v1/events/{slug}/profile-fields", () => {
  it("replaces the ordered list and reads it back, audited as the API key", async () => {
    const { ctx, event, key } = await setup();
    expect((await get(key, event.slug)).json).toEqual({ data: [] });

    const stored = await put(key, event.slug, { fields: DOC_FIELDS });
    expect(stored.status).toBe(200);
    expect(stored.json!.data).toEqual(DOC_FIELDS.map((f, position) => ({ ...f, position })));

    // GET's data can be sent back as `fields` (position ignored; the array order counts): reorder, relabel, drop, add.
    const current = (await get(key, event.slug)).json!.data as Array<Record<string, unknown>>;
    const reordered = [{ ...current[2]!, label: "Topics" }, current[0]!, { key: "linkedin", label: "LinkedIn", kind: "linkedin" }];
    const replaced = await put(key, event.slug, { fields: reordered });
    expect(replaced.json!.data).toEqual([
      { key: "interests", label: "Topics", kind: "text", position: 0 },
      { key: "organization", label: "Organization", kind: "text", position: 1 },
      { key: "linkedin", label: "LinkedIn", kind: "linkedin", position: 2 },
    ]);
    expect((await get(key, event.slug)).json!.data).toEqual(replaced.json!.data);

    const audit = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, action: "profile_field.replaced" }, orderBy: { createdAt: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorType === "api_key" && a.actorLabel.startsWith('API key "test admin"'))).toBe(true);
    expect(JSON.parse(audit[1]!.details!)).toMatchObject({ added: ["linkedin"], updated: ["interests"], removed: ["title"] });

    // The same list again changes nothing and writes no audit entry.
    await put(key, event.slug, { fields: reordered });
    expect(await db.auditLog.count({ where: { organizationId: ctx.organizationId, action: "profile_field.replaced" } })).toBe(2);

    expect((await put(key, event.slug, { fields: [] })).json).toEqual({ data: [] });
  });

  it("keeps the fields the dashboard added (matched by key)", async () => {
    const { ctx, event, key } = await setup();
    const added = await addProfileField(ctx, event.slug, { key: "organization", label: "Org", kind: "text" });
    await put(key, event.slug, { fields: [{ key: "title", label: "Title", kind: "text" }, { key: "organization", label: "Organization", kind: "text" }] });
    const row = await db.profileField.findFirstOrThrow({ where: { eventId: event.id, key: "organization" } });
    expect(row).toMatchObject({ id: added.id, label: "Organization", position: 1 });
  });

  it("answers bad bodies with 400 and the item and field at fault", async () => {
    const { event, key } = await setup();
    const duplicate = await put(key, event.slug, { fields: [DOC_FIELDS[0], { key: "Organization", label: "Org", kind: "text" }] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json!.error).toMatchObject({ code: "VALIDATION", field: "fields.1.key" });
    expect(duplicate.json!.error.message).toContain("repeats field 1");

    const several = await put(key, event.slug, { fields: [{ key: " padded", label: "", kind: "phone" }] });
    expect(Object.keys(several.json!.error.fields).sort()).toEqual(["fields.0.key", "fields.0.kind", "fields.0.label"]);
    expect(several.json!.error.fields["fields.0.key"]).toContain("space");

    const tooMany = await put(key, event.slug, { fields: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, label: `K ${i}`, kind: "text" })) });
    expect(tooMany.json!.error).toMatchObject({ field: "fields" });
    expect(tooMany.json!.error.message).toContain("at most 20");

    const bareArray = await put(key, event.slug, DOC_FIELDS);
    expect(bareArray.status).toBe(400);
    const typo = await put(key, event.slug, { feilds: DOC_FIELDS });
    expect(typo.json!.error.fields).toMatchObject({ fields: "This field is required (an array).", feilds: expect.stringContaining('Unknown field "feilds"') });
    expect(await db.profileField.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses a missing or revoked API key with 401", async () => {
    const { ctx, event } = await setup();
    expect((await get("", event.slug)).status).toBe(401);
    const { id, key } = await makeApiKey(ctx);
    await revokeApiKey(ctx, id);
    expect((await get(key, event.slug)).status).toBe(401);
    expect((await put(key, event.slug, { fields: DOC_FIELDS })).status).toBe(401);
    expect(await db.profileField.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("lets a viewer key read but not replace (403)", async () => {
    const { ctx, event, key } = await setup("viewer");
    await addProfileField(ctx, event.slug, { key: "organization", label: "Organization", kind: "text" });
    expect((await get(key, event.slug)).json!.data).toHaveLength(1);
    const write = await put(key, event.slug, { fields: [] });
    expect(write.status).toBe(403);
    expect(write.json!.error.message).toContain("read-only");
    expect(await db.profileField.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("treats another organization's event as not found", async () => {
    const theirs = await setup();
    await put(theirs.key, theirs.event.slug, { fields: DOC_FIELDS });
    const { key: mine } = await setup();
    expect((await get(mine, theirs.event.slug)).status).toBe(404);
    expect((await put(mine, theirs.event.slug, { fields: [] })).status).toBe(404);
    expect(await db.profileField.count({ where: { eventId: theirs.event.id } })).toBe(3);
  });
});
