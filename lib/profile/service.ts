import "server-only";
import type { z } from "zod";
import { db, type Transaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { lockTenantEvent, tenantEvent } from "@/lib/events/scope";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { FIELD_KINDS, foldKey, PROFILE_LIMITS, type FieldKind, type ProfileFieldConfig, type replaceProfileFieldsSchema } from "./schema";

/**
 * An event's profile fields, in the order the admin set (position 0, 1, 2… without gaps). Every
 * change locks the event first (lockTenantEvent): the attendee entry caches the fields, and
 * positions computed after the lock stay contiguous.
 */
export interface ProfileFieldRow extends ProfileFieldConfig {
  id: string;
  position: number;
}

const SELECT = { id: true, key: true, label: true, kind: true, position: true } as const;

function toRow(row: { id: string; key: string; label: string; kind: string; position: number }): ProfileFieldRow {
  const kind = (FIELD_KINDS as readonly string[]).includes(row.kind) ? (row.kind as FieldKind) : "text";
  return { ...row, kind };
}

async function fieldsOf(client: Transaction | typeof db, eventId: string): Promise<ProfileFieldRow[]> {
  const rows = await client.profileField.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: SELECT });
  return rows.map(toRow);
}

export async function listProfileFields(ctx: TenantContext, eventSlug: string): Promise<ProfileFieldRow[]> {
  const event = await tenantEvent(ctx, eventSlug);
  return fieldsOf(db, event.id);
}

/**
 * For the attendee entry, which has no tenant: the caller resolved the event from its public slug.
 * The order is the admin's; presentAttendee decides what shows where from the token's order.
 */
export async function profileFieldsForEvent(eventId: string): Promise<ProfileFieldRow[]> {
  return fieldsOf(db, eventId);
}

function keyTaken(key: string, existing: string): AppError {
  return key === existing
    ? conflict(`This event already has a field with the key “${key}”. Each key appears once: edit that field instead.`, "key")
    : conflict(
        `“${key}” differs from the existing field “${existing}” only in case or spacing. Tokens would easily send the wrong one: use “${existing}”, or rename that field.`,
        "key",
      );
}

function ensureKeyFree(fields: readonly ProfileFieldRow[], key: string, exceptId?: string): void {
  const clash = fields.find((f) => f.id !== exceptId && foldKey(f.key) === foldKey(key));
  if (clash) throw keyTaken(key, clash.key);
}

/** Turns a race on the (eventId, key) unique index into the same CONFLICT the check gives. */
async function mapUniqueViolation<T>(key: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(key, key);
    throw error;
  }
}

const labelOf = (field: { key: string; label: string }) => `${field.label} (${field.key})`;

export async function addProfileField(ctx: TenantContext, eventSlug: string, input: ProfileFieldConfig): Promise<ProfileFieldRow> {
  requireWrite(ctx);
  return mapUniqueViolation(input.key, () =>
    db.$transaction(async (tx) => {
      const event = await lockTenantEvent(tx, ctx, eventSlug);
      const fields = await fieldsOf(tx, event.id);
      if (fields.length >= PROFILE_LIMITS.fieldsPerEvent) {
        throw new AppError(
          "PRECONDITION_FAILED",
          `This event already has ${PROFILE_LIMITS.fieldsPerEvent} profile fields, the most a stream tile can list. Remove one before adding another.`,
        );
      }
      ensureKeyFree(fields, input.key);
      const created = toRow(
        await tx.profileField.create({ data: { eventId: event.id, key: input.key, label: input.label, kind: input.kind, position: fields.length }, select: SELECT }),
      );
      await recordAudit(tx, ctx, {
        action: "profile_field.added",
        targetType: "profile_field",
        targetId: created.id,
        targetLabel: labelOf(created),
        eventSlug: event.slug,
        details: { key: created.key, label: created.label, kind: created.kind, position: created.position },
      });
      return created;
    }),
  );
}

export async function updateProfileField(ctx: TenantContext, eventSlug: string, fieldId: string, input: ProfileFieldConfig): Promise<ProfileFieldRow> {
  requireWrite(ctx);
  return mapUniqueViolation(input.key, () =>
    db.$transaction(async (tx) => {
      const event = await lockTenantEvent(tx, ctx, eventSlug);
      const fields = await fieldsOf(tx, event.id);
      const before = fields.find((f) => f.id === fieldId);
      if (!before) throw notFound("Profile field");
      ensureKeyFree(fields, input.key, fieldId);
      const changes: Record<string, [string, string]> = {};
      for (const name of ["key", "label", "kind"] as const) {
        if (before[name] !== input[name]) changes[name] = [before[name], input[name]];
      }
      if (Object.keys(changes).length === 0) return before;
      const updated = toRow(await tx.profileField.update({ where: { id: fieldId }, data: { key: input.key, label: input.label, kind: input.kind }, select: SELECT }));
      await recordAudit(tx, ctx, {
        action: "profile_field.updated",
        targetType: "profile_field",
        targetId: updated.id,
        targetLabel: labelOf(updated),
        eventSlug: event.slug,
        details: { changes },
      });
      return updated;
    }),
  );
}

/** Writes positions 0…n-1 in the given order, touching only rows whose position changes. */
async function writePositions(tx: Transaction, current: readonly ProfileFieldRow[], orderedIds: readonly string[]) {
  const byId = new Map(current.map((f) => [f.id, f]));
  // One at a time: a transaction runs on one connection anyway.
  for (const [position, id] of orderedIds.entries()) {
    if (byId.get(id)!.position !== position) await tx.profileField.update({ where: { id }, data: { position }, select: { id: true } });
  }
}

export async function removeProfileField(ctx: TenantContext, eventSlug: string, fieldId: string): Promise<{ id: string; key: string }> {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const event = await lockTenantEvent(tx, ctx, eventSlug);
    const fields = await fieldsOf(tx, event.id);
    const field = fields.find((f) => f.id === fieldId);
    if (!field) throw notFound("Profile field");
    await tx.profileField.delete({ where: { id: field.id } });
    const rest = fields.filter((f) => f.id !== field.id);
    await writePositions(tx, rest, rest.map((f) => f.id));
    await recordAudit(tx, ctx, {
      action: "profile_field.removed",
      targetType: "profile_field",
      targetId: field.id,
      targetLabel: labelOf(field),
      eventSlug: event.slug,
      details: { key: field.key, label: field.label, kind: field.kind, position: field.position },
    });
    return { id: field.id, key: field.key };
  });
}

/** `orderedIds` must name every field of the event once: a stale page gets a CONFLICT, not a shuffle. */
export async function reorderProfileFields(ctx: TenantContext, eventSlug: string, orderedIds: readonly string[]): Promise<ProfileFieldRow[]> {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const event = await lockTenantEvent(tx, ctx, eventSlug);
    const fields = await fieldsOf(tx, event.id);
    const known = new Set(fields.map((f) => f.id));
    const complete = orderedIds.length === fields.length && new Set(orderedIds).size === orderedIds.length && orderedIds.every((id) => known.has(id));
    if (!complete) {
      throw conflict("The fields changed since this page was loaded (someone else may have edited them). Reload the page and reorder again.", "order");
    }
    const from = fields.map((f) => f.key);
    const byId = new Map(fields.map((f) => [f.id, f]));
    const to = orderedIds.map((id) => byId.get(id)!.key);
    if (from.join("\u0000") !== to.join("\u0000")) {
      await writePositions(tx, fields, orderedIds);
      await recordAudit(tx, ctx, {
        action: "profile_field.reordered",
        targetType: "event",
        targetId: event.id,
        targetLabel: event.name,
        eventSlug: event.slug,
        details: { from, to },
      });
    }
    return orderedIds.map((id, position) => ({ ...byId.get(id)!, position }));
  });
}

/**
 * Replaces the whole ordered list (the HTTP API's PUT): fields are matched by key, so a kept key
 * keeps its id; missing keys are removed, new ones added. One audit entry lists what changed.
 */
export async function replaceProfileFields(
  ctx: TenantContext,
  eventSlug: string,
  list: z.output<typeof replaceProfileFieldsSchema>,
): Promise<ProfileFieldRow[]> {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const event = await lockTenantEvent(tx, ctx, eventSlug);
    const current = await fieldsOf(tx, event.id);
    const wanted = new Map(list.map((f, position) => [f.key, { ...f, position }]));
    const removed = current.filter((f) => !wanted.has(f.key));
    const byKey = new Map(current.map((f) => [f.key, f]));
    const added: string[] = [];
    const updated: string[] = [];
    if (removed.length) await tx.profileField.deleteMany({ where: { eventId: event.id, id: { in: removed.map((f) => f.id) } } });
    for (const field of wanted.values()) {
      const existing = byKey.get(field.key);
      if (!existing) {
        await tx.profileField.create({ data: { eventId: event.id, key: field.key, label: field.label, kind: field.kind, position: field.position } });
        added.push(field.key);
      } else if (existing.label !== field.label || existing.kind !== field.kind || existing.position !== field.position) {
        await tx.profileField.update({ where: { id: existing.id }, data: { label: field.label, kind: field.kind, position: field.position } });
        if (existing.label !== field.label || existing.kind !== field.kind) updated.push(field.key);
      }
    }
    const result = await fieldsOf(tx, event.id);
    const from = current.map((f) => f.key);
    const to = result.map((f) => f.key);
    if (added.length || updated.length || removed.length || from.join("\u0000") !== to.join("\u0000")) {
      await recordAudit(tx, ctx, {
        action: "profile_field.replaced",
        targetType: "event",
        targetId: event.id,
        targetLabel: event.name,
        eventSlug: event.slug,
        details: { added, updated, removed: removed.map((f) => f.key), from, to },
      });
    }
    return result;
  });
}
