import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseOrgRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { asRole, makeTenant, makeUser } from "@/test/factories";
import { changeMemberRole, removeMember } from "./service";

async function addMember(organizationId: string, role: string) {
  const user = await makeUser();
  return db.member.create({ data: { id: randomUUID(), organizationId, userId: user.id, role, createdAt: new Date() } });
}

describe("members", () => {
  it("refuses to demote or remove the last owner, and says what to do", async () => {
    const { ctx, member } = await makeTenant("owner");
    const demote = await changeMemberRole(ctx, { memberId: member.id, role: "admin" }).catch((e: AppError) => e);
    expect(demote).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((demote as AppError).message).toContain("Make another member owner first");
    const remove = await removeMember(ctx, member.id).catch((e: AppError) => e);
    expect(remove).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(parseOrgRole((await db.member.findUniqueOrThrow({ where: { id: member.id } })).role)).toBe("owner");
  });

  it("keeps an owner when two owners demote each other at the same time", async () => {
    const { ctx, member: first } = await makeTenant("owner");
    const second = await addMember(ctx.organizationId, "owner");
    const secondCtx = { ...ctx, actor: { ...ctx.actor, id: second.userId, label: "second" } };
    const results = await Promise.allSettled([
      changeMemberRole(secondCtx, { memberId: first.id, role: "viewer" }),
      changeMemberRole(ctx, { memberId: second.id, role: "viewer" }),
    ]);
    const owners = (await db.member.findMany({ where: { organizationId: ctx.organizationId } })).filter((m) => parseOrgRole(m.role) === "owner");
    expect(owners.length).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
  });

  it("lets an admin manage viewers but not owners", async () => {
    const { ctx } = await makeTenant("admin");
    const viewer = await addMember(ctx.organizationId, "viewer");
    await changeMemberRole(ctx, { memberId: viewer.id, role: "admin" });
    expect((await db.member.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("admin");
    const owner = await db.member.findFirstOrThrow({ where: { organizationId: ctx.organizationId, role: "owner" } });
    await expect(changeMemberRole(ctx, { memberId: owner.id, role: "viewer" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(ctx, owner.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await db.auditLog.findMany({ where: { organizationId: ctx.organizationId, action: "member.role_changed" } });
    expect(audit.map((a) => JSON.parse(a.details!))).toEqual([{ from: "viewer", to: "admin" }]);
  });

  it("lets a viewer leave but not remove others", async () => {
    const { ctx, member } = await makeTenant("viewer");
    const other = await addMember(ctx.organizationId, "viewer");
    await expect(removeMember(ctx, other.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(ctx, member.id)).resolves.toEqual({ removedSelf: true });
  });

  it("treats another organization's member as not found", async () => {
    const a = await makeTenant("owner");
    const b = await makeTenant("owner");
    await expect(changeMemberRole(b.ctx, { memberId: a.member.id, role: "viewer" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember(asRole(b.ctx, "owner"), a.member.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
