import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/create-client";
import { hashPassword } from "@/lib/auth/password";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schema";
import { organizationSlugSchema } from "@/lib/orgs/schema";
import { parseKeyEncryptionKey } from "@/lib/keys/envelope";
import { seedActiveGeneratedKey } from "@/lib/keys/seed";
import { z } from "zod";

/**
 * Bootstrap operations for the CLI and the demo seed, outside any request. Accounts are written in
 * Better Auth's own format (a "credential" account holding the password hash), so they sign in
 * through the normal endpoints.
 */
export const createAdminSchema = z.object({
  email: z.email({ error: "use a valid email address, e.g. admin@example.com" }).trim().toLowerCase(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(256, "use at most 256 characters"),
  name: z.string().trim().min(1).max(80).optional(),
  org: organizationSlugSchema,
  orgName: z.string().trim().min(1).max(80).optional(),
});

export type CreateAdminInput = z.input<typeof createAdminSchema>;

export interface CreateAdminResult {
  userCreated: boolean;
  organizationCreated: boolean;
  membershipCreated: boolean;
  organizationId: string;
  userId: string;
}

const SYSTEM_ACTOR = { actorType: "system", actorId: null, actorLabel: "cli" } as const;

export async function createAdmin(db: Database, raw: CreateAdminInput): Promise<CreateAdminResult> {
  const input = createAdminSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    let user = await tx.user.findUnique({ where: { email: input.email } });
    const userCreated = !user;
    if (!user) {
      user = await tx.user.create({
        data: { id: randomUUID(), email: input.email, name: input.name ?? input.email.split("@")[0]!, emailVerified: true },
      });
      await tx.account.create({
        data: { id: randomUUID(), accountId: user.id, providerId: "credential", userId: user.id, password: passwordHash },
      });
    }
    let organization = await tx.organization.findUnique({ where: { slug: input.org } });
    const organizationCreated = !organization;
    if (!organization) {
      organization = await tx.organization.create({
        data: { id: randomUUID(), slug: input.org, name: input.orgName ?? input.org, createdAt: now },
      });
      await tx.auditLog.create({
        data: { ...SYSTEM_ACTOR, organizationId: organization.id, action: "organization.created", targetType: "organization", targetId: organization.id, targetLabel: organization.name },
      });
    }
    const membership = await tx.member.findUnique({ where: { organizationId_userId: { organizationId: organization.id, userId: user.id } } });
    if (!membership) {
      await tx.member.create({ data: { id: randomUUID(), organizationId: organization.id, userId: user.id, role: "owner", createdAt: now } });
      await tx.auditLog.create({
        data: { ...SYSTEM_ACTOR, organizationId: organization.id, action: "member.joined", targetType: "member", targetLabel: user.email, details: JSON.stringify({ role: "owner" }) },
      });
    } else if (membership.role !== "owner") {
      await tx.member.update({ where: { id: membership.id }, data: { role: "owner" } });
      await tx.auditLog.create({
        data: {
          ...SYSTEM_ACTOR,
          organizationId: organization.id,
          action: "member.role_changed",
          targetType: "member",
          targetId: membership.id,
          targetLabel: user.email,
          details: JSON.stringify({ from: membership.role, to: "owner" }),
        },
      });
    }
    return { userCreated, organizationCreated, membershipCreated: !membership, organizationId: organization.id, userId: user.id };
  });
}

export const DEMO = {
  adminEmail: "admin@example.com",
  adminName: "Demo Admin",
  orgSlug: "demo",
  orgName: "Demo Events",
  eventSlug: "spring-summit",
  eventName: "Spring Summit",
  contact: "help@example.com",
  // The platform doc's example userProfile keys.
  fields: [
    { key: "organization", label: "Organization", kind: "text" },
    { key: "title", label: "Title", kind: "text" },
    { key: "interests", label: "Interests", kind: "text" },
  ],
} as const;

/**
 * Seeds the demo organization, event (with one active generated key whose private key the dashboard
 * keeps, for test links) and admin into an empty database; does nothing otherwise.
 */
export async function seedDemo(db: Database, adminPassword: string): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };
  // Checked before anything is written: the demo key is encrypted with it.
  parseKeyEncryptionKey(process.env.KEY_ENCRYPTION_KEY);
  const { organizationId } = await createAdmin(db, {
    email: DEMO.adminEmail,
    name: DEMO.adminName,
    password: adminPassword,
    org: DEMO.orgSlug,
    orgName: DEMO.orgName,
  });
  const event = await db.$transaction(async (tx) => {
    const start = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    start.setUTCHours(15, 0, 0, 0);
    const event = await tx.event.create({
      data: {
        organizationId,
        slug: DEMO.eventSlug,
        name: DEMO.eventName,
        nameSearch: DEMO.eventName.toLowerCase(),
        contact: DEMO.contact,
        startsAt: start,
        endsAt: new Date(start.getTime() + 3 * 3600 * 1000),
        profileFields: { create: DEMO.fields.map((f, position) => ({ ...f, position })) },
      },
    });
    await tx.auditLog.create({
      data: { ...SYSTEM_ACTOR, organizationId, action: "event.created", targetType: "event", targetId: event.id, targetLabel: event.name, eventSlug: event.slug },
    });
    return event;
  });
  await seedActiveGeneratedKey(db, event);
  return { seeded: true };
}
