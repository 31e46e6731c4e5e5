import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { OrgRole } from "@/lib/auth/roles";
import type { TenantContext } from "@/lib/tenancy/context";
import { AppError } from "@/lib/errors";
import { eventFieldsSchema, type EventFieldsInput } from "@/lib/events/schema";
import { createEvent } from "@/lib/events/service";

export const uid = (prefix = "t") => `${prefix}-${randomBytes(4).toString("hex")}`;

export async function makeUser(email = `${uid("user")}@example.com`) {
  return db.user.create({ data: { id: randomUUID(), email, name: email.split("@")[0]!, emailVerified: true } });
}

/** An organization with one member of `role` (and an owner, if that member is not one), returned as the member's tenant context. */
export async function makeTenant(role: OrgRole = "owner", options: { transcription?: boolean; interpretation?: boolean } = {}) {
  const slug = uid("org");
  const organization = await db.organization.create({
    data: {
      id: randomUUID(),
      slug,
      name: `Org ${slug}`,
      createdAt: new Date(),
      transcriptionEnabled: options.transcription ?? false,
      interpretationEnabled: options.interpretation ?? false,
    },
  });
  const user = await makeUser();
  const member = await db.member.create({ data: { id: randomUUID(), organizationId: organization.id, userId: user.id, role, createdAt: new Date() } });
  if (role !== "owner") {
    const owner = await makeUser();
    await db.member.create({ data: { id: randomUUID(), organizationId: organization.id, userId: owner.id, role: "owner", createdAt: new Date() } });
  }
  const ctx: TenantContext = {
    organizationId: organization.id,
    organizationSlug: organization.slug,
    organizationName: organization.name,
    actor: { type: "user", id: user.id, label: user.email, role },
  };
  return { ctx, organization, user, member };
}

export function asRole(ctx: TenantContext, role: OrgRole): TenantContext {
  return { ...ctx, actor: { ...ctx.actor, role } };
}

export function eventInput(overrides: Partial<EventFieldsInput> = {}) {
  return eventFieldsSchema.parse({ name: "Test Event", slug: uid("event"), contact: "help@example.com", ...overrides });
}

export async function makeEvent(ctx: TenantContext, overrides: Partial<EventFieldsInput> = {}) {
  return createEvent(asRole(ctx, "owner"), eventInput(overrides));
}

/** The AppError code a promise fails with ("no error" if it succeeds), for asserting refusals. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error instanceof AppError ? error.code : `unexpected ${String(error)}`;
  }
}
