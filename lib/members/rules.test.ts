import { describe, expect, it } from "vitest";
import { decideInvitation, decideRemoval, decideRoleChange } from "./rules";

describe("membership rules", () => {
  it("never demotes the last owner", () => {
    const decision = decideRoleChange({ actorRole: "owner", targetRole: "owner", newRole: "admin", ownerCount: 1 });
    expect(decision).toMatchObject({ allowed: false, code: "PRECONDITION_FAILED" });
  });

  it("demotes an owner when another owner remains", () => {
    expect(decideRoleChange({ actorRole: "owner", targetRole: "owner", newRole: "viewer", ownerCount: 2 })).toEqual({ allowed: true });
  });

  it("keeps admins away from owners and the owner role", () => {
    expect(decideRoleChange({ actorRole: "admin", targetRole: "owner", newRole: "admin", ownerCount: 3 })).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(decideRoleChange({ actorRole: "admin", targetRole: "viewer", newRole: "owner", ownerCount: 1 })).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(decideRoleChange({ actorRole: "admin", targetRole: "viewer", newRole: "admin", ownerCount: 1 })).toEqual({ allowed: true });
  });

  it("lets viewers change nobody", () => {
    expect(decideRoleChange({ actorRole: "viewer", targetRole: "viewer", newRole: "admin", ownerCount: 1 }).allowed).toBe(false);
  });

  it("never removes the last owner, not even themselves", () => {
    expect(decideRemoval({ actorRole: "owner", targetRole: "owner", ownerCount: 1, removingSelf: true })).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(decideRemoval({ actorRole: "owner", targetRole: "owner", ownerCount: 2, removingSelf: true })).toEqual({ allowed: true });
  });

  it("lets anyone leave, but only owners remove owners", () => {
    expect(decideRemoval({ actorRole: "viewer", targetRole: "viewer", ownerCount: 1, removingSelf: true })).toEqual({ allowed: true });
    expect(decideRemoval({ actorRole: "admin", targetRole: "owner", ownerCount: 2, removingSelf: false })).toMatchObject({ code: "FORBIDDEN" });
    expect(decideRemoval({ actorRole: "viewer", targetRole: "admin", ownerCount: 1, removingSelf: false })).toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets only owners invite owners", () => {
    expect(decideInvitation({ actorRole: "admin", role: "owner" }).allowed).toBe(false);
    expect(decideInvitation({ actorRole: "owner", role: "owner" }).allowed).toBe(true);
    expect(decideInvitation({ actorRole: "admin", role: "viewer" }).allowed).toBe(true);
  });
});
