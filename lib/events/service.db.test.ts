import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseListParams } from "@/lib/tables/list-params";
import { asRole, codeOf, eventInput, makeEvent, makeTenant, uid } from "@/test/factories";
import { EVENT_SORTS } from "./schema";
import { createEvent, deleteEvent, getEvent, listEvents, rejectTokensIssuedBeforeNow, updateEvent } from "./service";

const list = (params: Record<string, string> = {}) => parseListParams(params, { sortable: EVENT_SORTS, defaultSort: "createdAt", defaultDir: "desc" });

describe("events", () => {
  it("creates an event with the policy defaults and audits it", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await createEvent(ctx, eventInput({ name: "Spring Summit" }));
    expect(event).toMatchObject({ name: "Spring Summit", oneOffLifetimeSeconds: 300, longLivedMaxSeconds: 604800, leewaySeconds: 60, requireExp: true });
    const audit = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId } });
    expect(audit.map((a) => [a.action, a.actorLabel, a.eventSlug])).toEqual([["event.created", ctx.actor.label, event.slug]]);
  });

  it("refuses a slug another event (of any organization) uses, on the slug field", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const slug = uid("dup");
    await makeEvent(a.ctx, { slug });
    const error = await createEvent(b.ctx, eventInput({ slug })).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", field: "slug" });
  });

  it("searches name and slug case-insensitively, sorts and paginates on the server", async () => {
    const { ctx } = await makeTenant();
    for (const name of ["Alpha Day", "beta night", "Gamma ALPHA", "Delta"]) await makeEvent(ctx, { name });
    const found = await listEvents(ctx, list({ q: "ALPHA", sort: "name", dir: "asc" }));
    expect(found.rows.map((r) => r.name)).toEqual(["Alpha Day", "Gamma ALPHA"]);
    const page2 = await listEvents(ctx, list({ sort: "name", dir: "asc", size: "10", page: "1" }));
    expect(page2.rows.map((r) => r.name)).toEqual(["Alpha Day", "beta night", "Delta", "Gamma ALPHA"]);
    expect(page2.total).toBe(4);
    const small = await listEvents(ctx, { ...list({ sort: "name", dir: "asc" }), pageSize: 3, page: 2 });
    expect(small.rows.map((r) => r.name)).toEqual(["Gamma ALPHA"]);
    expect(small.pageCount).toBe(2);
  });

  it("shows another organization's event as not found, for reads and every change", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const event = await makeEvent(a.ctx);
    expect(await codeOf(getEvent(b.ctx, event.slug))).toBe("NOT_FOUND");
    expect(await codeOf(updateEvent(b.ctx, event.slug, eventInput({ slug: event.slug, name: "Hijacked" })))).toBe("NOT_FOUND");
    expect(await codeOf(deleteEvent(b.ctx, event.slug, event.slug))).toBe("NOT_FOUND");
    expect(await codeOf(rejectTokensIssuedBeforeNow(b.ctx, event.slug))).toBe("NOT_FOUND");
    expect((await listEvents(b.ctx, list())).rows.find((r) => r.id === event.id)).toBeUndefined();
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).name).toBe(event.name);
  });

  it("lets viewers read but change nothing", async () => {
    const { ctx } = await makeTenant("viewer");
    const event = await makeEvent(ctx);
    expect((await getEvent(ctx, event.slug)).id).toBe(event.id);
    expect(await codeOf(createEvent(ctx, eventInput()))).toBe("FORBIDDEN");
    expect(await codeOf(updateEvent(ctx, event.slug, eventInput({ slug: event.slug })))).toBe("FORBIDDEN");
    expect(await codeOf(deleteEvent(ctx, event.slug, event.slug))).toBe("FORBIDDEN");
  });

  it("records what an edit changed and bumps the entry's config version", async () => {
    const { ctx } = await makeTenant();
    const event = await makeEvent(ctx, { name: "Before" });
    await updateEvent(ctx, event.slug, eventInput({ slug: event.slug, name: "After", leewaySeconds: 30 }));
    const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.configVersion).toBe(event.configVersion + 1);
    const entry = await db.auditLog.findFirstOrThrow({ where: { organizationId: ctx.organizationId, action: "event.updated" } });
    expect(JSON.parse(entry.details!)).toEqual({ changes: { name: ["Before", "After"], leewaySeconds: [60, 30] } });
  });

  it("deletes only after the slug is typed, and keeps nothing of the event", async () => {
    const { ctx } = await makeTenant();
    const event = await makeEvent(ctx);
    const wrong = await deleteEvent(ctx, event.slug, "nope").catch((e: AppError) => e);
    expect(wrong).toMatchObject({ code: "VALIDATION", field: "confirmSlug" });
    expect(await db.event.count({ where: { id: event.id } })).toBe(1);
    await deleteEvent(ctx, event.slug, event.slug);
    expect(await db.event.count({ where: { id: event.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { organizationId: ctx.organizationId, action: "event.deleted" } })).toBe(1);
  });

  it("sets the 'reject tokens issued before' instant", async () => {
    const { ctx } = await makeTenant();
    const event = await makeEvent(ctx);
    const now = new Date("2026-11-30T12:00:00Z");
    const updated = await rejectTokensIssuedBeforeNow(ctx, event.slug, now);
    expect(updated.rejectTokensIssuedBefore).toEqual(now);
  });

  it("keeps admins' and owners' roles distinct where it matters", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    await expect(deleteEvent(asRole(ctx, "admin"), event.slug, event.slug)).resolves.toEqual({ slug: event.slug });
  });
});
