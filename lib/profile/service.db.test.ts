import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { asRole, makeEvent, makeTenant } from "@/test/factories";
import type { TenantContext } from "@/lib/tenancy/context";
import { PROFILE_LIMITS, replaceProfileFieldsSchema, type ProfileFieldConfig } from "./schema";
import {
  addProfileField,
  listProfileFields,
  profileFieldsForEvent,
  removeProfileField,
  reorderProfileFields,
  replaceProfileFields,
  updateProfileField,
} from "./service";

async function errorOf(promise: Promise<unknown>): Promise<AppError | string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error instanceof AppError ? error : `unexpected ${String(error)}`;
  }
}

const text = (key: string, label = key): ProfileFieldConfig => ({ key, label, kind: "text" });

async function eventWithFields(ctx: TenantContext, keys: string[]) {
  const event = await makeEvent(ctx);
  const fields = [];
  for (const key of keys) fields.push(await addProfileField(ctx, event.slug, text(key)));
  return { event, fields };
}

const configVersion = async (eventId: string) => (await db.event.findUniqueOrThrow({ where: { id: eventId } })).configVersion;
const positions = async (eventId: string) =>
  (await db.profileField.findMany({ where: { eventId }, orderBy: { position: "asc" } })).map((f) => [f.key, f.position]);
const auditOf = async (ctx: TenantContext, action: string) =>
  db.auditLog.findMany({ where: { organizationId: ctx.organizationId, action }, orderBy: { createdAt: "asc" } });

describe("profile fields service", () => {
  it("adds fields at the end, in order, audited, bumping the event's config version each time", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const before = await configVersion(event.id);
    await addProfileField(ctx, event.slug, text("organization", "Organization"));
    await addProfileField(ctx, event.slug, { key: "twitter", label: "Twitter / X", kind: "twitter" });
    expect(await positions(event.id)).toEqual([
      ["organization", 0],
      ["twitter", 1],
    ]);
    expect(await configVersion(event.id)).toBe(before + 2);
    const audit = await auditOf(ctx, "profile_field.added");
    expect(audit.map((a) => [a.targetType, a.targetLabel, a.eventSlug, a.actorLabel])).toEqual([
      ["profile_field", "Organization (organization)", event.slug, ctx.actor.label],
      ["profile_field", "Twitter / X (twitter)", event.slug, ctx.actor.label],
    ]);
    expect(JSON.parse(audit[1]!.details!)).toEqual({ key: "twitter", label: "Twitter / X", kind: "twitter", position: 1 });
    expect((await listProfileFields(ctx, event.slug)).map((f) => f.key)).toEqual(["organization", "twitter"]);
    expect((await profileFieldsForEvent(event.id)).map((f) => f.kind)).toEqual(["text", "twitter"]);
  });

  it("refuses a duplicate key as a CONFLICT on the key field, also when only case or spacing differ", async () => {
    const { ctx } = await makeTenant();
    const { event, fields } = await eventWithFields(ctx, ["title", "job title"]);
    for (const key of ["title", "Title", "job_title", "JobTitle"]) {
      const error = await errorOf(addProfileField(ctx, event.slug, text(key)));
      expect(error, key).toMatchObject({ code: "CONFLICT", field: "key" });
    }
    expect(await errorOf(addProfileField(ctx, event.slug, text("title")))).toMatchObject({ message: expect.stringContaining("already has a field with the key “title”") });
    expect(await errorOf(addProfileField(ctx, event.slug, text("Title")))).toMatchObject({ message: expect.stringContaining("only in case or spacing") });
    // Renaming onto another field's key is refused too; renaming a field to a case variant of itself is fine.
    expect(await errorOf(updateProfileField(ctx, event.slug, fields[1]!.id, text("title")))).toMatchObject({ code: "CONFLICT", field: "key" });
    await expect(updateProfileField(ctx, event.slug, fields[0]!.id, text("Title"))).resolves.toMatchObject({ key: "Title" });
    expect(await db.profileField.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("keeps the same key free on another event", async () => {
    const { ctx } = await makeTenant();
    await eventWithFields(ctx, ["title"]);
    const other = await makeEvent(ctx);
    await expect(addProfileField(ctx, other.slug, text("title"))).resolves.toMatchObject({ key: "title", position: 0 });
  });

  it("stops at the per-event maximum", async () => {
    const { ctx } = await makeTenant();
    const { event } = await eventWithFields(ctx, Array.from({ length: PROFILE_LIMITS.fieldsPerEvent }, (_, i) => `field${i}`));
    expect(await errorOf(addProfileField(ctx, event.slug, text("one_more")))).toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("updates key, label and kind, recording what changed", async () => {
    const { ctx } = await makeTenant();
    const { event, fields } = await eventWithFields(ctx, ["handle"]);
    const before = await configVersion(event.id);
    const updated = await updateProfileField(ctx, event.slug, fields[0]!.id, { key: "twitter", label: "Twitter", kind: "twitter" });
    expect(updated).toMatchObject({ key: "twitter", label: "Twitter", kind: "twitter", position: 0 });
    expect(await configVersion(event.id)).toBe(before + 1);
    const [entry] = await auditOf(ctx, "profile_field.updated");
    expect(JSON.parse(entry!.details!)).toEqual({ changes: { key: ["handle", "twitter"], label: ["handle", "Twitter"], kind: ["text", "twitter"] } });
    // Saving without a change writes no audit entry.
    await updateProfileField(ctx, event.slug, fields[0]!.id, { key: "twitter", label: "Twitter", kind: "twitter" });
    expect(await auditOf(ctx, "profile_field.updated")).toHaveLength(1);
  });

  it("removes a field, closes the gap in positions, and audits it", async () => {
    const { ctx } = await makeTenant();
    const { event, fields } = await eventWithFields(ctx, ["a", "b", "c", "d"]);
    const before = await configVersion(event.id);
    await removeProfileField(ctx, event.slug, fields[1]!.id);
    expect(await positions(event.id)).toEqual([
      ["a", 0],
      ["c", 1],
      ["d", 2],
    ]);
    expect(await configVersion(event.id)).toBe(before + 1);
    const [entry] = await auditOf(ctx, "profile_field.removed");
    expect(entry).toMatchObject({ targetLabel: "b (b)", eventSlug: event.slug });
    expect(await errorOf(removeProfileField(ctx, event.slug, fields[1]!.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("reorders to exactly the given order, keeping positions contiguous, and audits from → to", async () => {
    const { ctx } = await makeTenant();
    const { event, fields } = await eventWithFields(ctx, ["organization", "title", "interests"]);
    const [organization, title, interests] = fields.map((f) => f.id) as [string, string, string];
    const before = await configVersion(event.id);
    const result = await reorderProfileFields(ctx, event.slug, [title, interests, organization]);
    expect(result.map((f) => [f.key, f.position])).toEqual([
      ["title", 0],
      ["interests", 1],
      ["organization", 2],
    ]);
    expect(await positions(event.id)).toEqual([
      ["title", 0],
      ["interests", 1],
      ["organization", 2],
    ]);
    expect(await configVersion(event.id)).toBe(before + 1);
    const [entry] = await auditOf(ctx, "profile_field.reordered");
    expect(JSON.parse(entry!.details!)).toEqual({ from: ["organization", "title", "interests"], to: ["title", "interests", "organization"] });
    // After a removal and an add, a reorder still yields 0…n-1.
    await removeProfileField(ctx, event.slug, interests);
    const added = await addProfileField(ctx, event.slug, text("city"));
    await reorderProfileFields(ctx, event.slug, [added.id, organization, title]);
    expect(await positions(event.id)).toEqual([
      ["city", 0],
      ["organization", 1],
      ["title", 2],
    ]);
  });

  it("refuses a stale or partial order with a CONFLICT and changes nothing", async () => {
    const { ctx } = await makeTenant();
    const { event, fields } = await eventWithFields(ctx, ["a", "b", "c"]);
    const [a, b, c] = fields.map((f) => f.id) as [string, string, string];
    for (const order of [[a, b], [a, b, c, "other"], [a, a, b], [c, b, "nope"]]) {
      expect(await errorOf(reorderProfileFields(ctx, event.slug, order))).toMatchObject({ code: "CONFLICT", field: "order" });
    }
    expect(await positions(event.id)).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    expect(await auditOf(ctx, "profile_field.reordered")).toHaveLength(0);
  });

  it("replaces the whole list by key: keeps ids, removes, adds, reorders, in one audit entry", async () => {
    const { ctx } = await makeTenant();
    const { event, fields } = await eventWithFields(ctx, ["organization", "title", "interests"]);
    const list = replaceProfileFieldsSchema.parse([
      { key: "twitter", label: "Twitter / X", kind: "twitter" },
      { key: "title", label: "Job title", kind: "text" },
      { key: "organization", label: "organization", kind: "text" },
    ]);
    const result = await replaceProfileFields(ctx, event.slug, list);
    expect(result.map((f) => [f.key, f.label, f.position])).toEqual([
      ["twitter", "Twitter / X", 0],
      ["title", "Job title", 1],
      ["organization", "organization", 2],
    ]);
    expect(result.find((f) => f.key === "title")!.id).toBe(fields[1]!.id);
    const [entry] = await auditOf(ctx, "profile_field.replaced");
    expect(JSON.parse(entry!.details!)).toEqual({
      added: ["twitter"],
      updated: ["title"],
      removed: ["interests"],
      from: ["organization", "title", "interests"],
      to: ["twitter", "title", "organization"],
    });
    await replaceProfileFields(ctx, event.slug, list);
    expect(await auditOf(ctx, "profile_field.replaced")).toHaveLength(1);
  });

  it("shows another organization's event and fields as not found, for reads and every change", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const { event, fields } = await eventWithFields(a.ctx, ["title", "organization"]);
    const id = fields[0]!.id;
    const attempts = [
      () => listProfileFields(b.ctx, event.slug),
      () => addProfileField(b.ctx, event.slug, text("x")),
      () => updateProfileField(b.ctx, event.slug, id, text("hijacked")),
      () => removeProfileField(b.ctx, event.slug, id),
      () => reorderProfileFields(b.ctx, event.slug, [fields[1]!.id, id]),
      () => replaceProfileFields(b.ctx, event.slug, []),
    ];
    for (const attempt of attempts) expect(await errorOf(attempt())).toMatchObject({ code: "NOT_FOUND" });
    // Another organization's field id, through one's own event, is not found either.
    const own = await makeEvent(b.ctx);
    expect(await errorOf(updateProfileField(b.ctx, own.slug, id, text("hijacked")))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(removeProfileField(b.ctx, own.slug, id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await positions(event.id)).toEqual([
      ["title", 0],
      ["organization", 1],
    ]);
  });

  it("lets viewers read but change nothing", async () => {
    const { ctx } = await makeTenant("viewer");
    const { event, fields } = await eventWithFields(asRole(ctx, "owner"), ["title", "organization"]);
    expect((await listProfileFields(ctx, event.slug)).map((f) => f.key)).toEqual(["title", "organization"]);
    const version = await configVersion(event.id);
    const attempts = [
      () => addProfileField(ctx, event.slug, text("x")),
      () => updateProfileField(ctx, event.slug, fields[0]!.id, text("x")),
      () => removeProfileField(ctx, event.slug, fields[0]!.id),
      () => reorderProfileFields(ctx, event.slug, [fields[1]!.id, fields[0]!.id]),
      () => replaceProfileFields(ctx, event.slug, []),
    ];
    for (const attempt of attempts) expect(await errorOf(attempt())).toMatchObject({ code: "FORBIDDEN" });
    expect(await configVersion(event.id)).toBe(version);
  });

  it("keeps positions contiguous when two admins add fields at the same time", async () => {
    const { ctx } = await makeTenant();
    const event = await makeEvent(ctx);
    const results = await Promise.allSettled(["a", "b", "c", "d", "e"].map((key) => addProfileField(ctx, event.slug, text(key))));
    expect(results.map((r) => (r.status === "fulfilled" ? "ok" : String(r.reason)))).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    const rows = await positions(event.id);
    expect(rows.map(([, p]) => p)).toEqual(Array.from({ length: rows.length }, (_, i) => i));
  });
});
