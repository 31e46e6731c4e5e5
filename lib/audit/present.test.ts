import { describe, expect, it } from "vitest";
import { auditActionGroups, isAuditActionFilter, AUDIT_ACTIONS } from "./actions";
import { parseAuditDetails, presentAuditDetails } from "./present";

describe("audit details as people read them", () => {
  it("turns {changes} into labelled before → after, with durations, times and yes/no", () => {
    const view = presentAuditDetails("event.updated", {
      changes: { oneOffLifetimeSeconds: [300, 600], startsAt: [null, "2027-04-01T15:00:00.000Z"], requireExp: [true, false], someNewSetting: ["a", "b"] },
    });
    expect(view.changes).toEqual([
      { field: "oneOffLifetimeSeconds", label: "One-off link lifetime", before: "5 minutes", after: "10 minutes" },
      { field: "startsAt", label: "Starts", before: "—", after: "1 Apr 2027, 15:00 UTC" },
      { field: "requireExp", label: "Tokens need exp", before: "yes", after: "no" },
      { field: "someNewSetting", label: "Some new setting", before: "a", after: "b" },
    ]);
    expect(view.values).toEqual([]);
  });

  it("reads a bare {from, to} as the change of the action's area; a lone `to` is the address a link went to", () => {
    expect(presentAuditDetails("profile_field.reordered", { from: ["title", "org"], to: ["org", "title"] }).changes).toEqual([
      { field: "from_to", label: "Order", before: "title, org", after: "org, title" },
    ]);
    expect(presentAuditDetails("link.emailed", { to: "sam@example.com", kind: "one_off" }).values).toEqual([
      { field: "to", label: "Sent to", value: "sam@example.com" },
      { field: "kind", label: "Kind", value: "one-off" },
    ]);
    expect(presentAuditDetails("profile_field.replaced", { added: [{ key: "twitter" }], removed: [] }).values).toEqual([
      { field: "added", label: "Added", value: "twitter" },
      { field: "removed", label: "Removed", value: "none" },
    ]);
  });

  it("shows nothing rather than failing on unreadable details", () => {
    expect(parseAuditDetails("{not json")).toBeNull();
    expect(parseAuditDetails("[1,2]")).toBeNull();
    expect(presentAuditDetails("event.created", null)).toEqual({ changes: [], values: [] });
  });
});

describe("the action filter", () => {
  it("groups every action under exactly one area", () => {
    const grouped = auditActionGroups().flatMap((g) => g.actions.map((a) => a.value));
    expect(grouped.sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    expect(auditActionGroups().find((g) => g.area === "key")).toMatchObject({ label: "Signing keys", all: "key." });
  });

  it("accepts known actions and area prefixes only", () => {
    expect(isAuditActionFilter("key.revoked")).toBe(true);
    expect(isAuditActionFilter("api_key.")).toBe(true);
    expect(isAuditActionFilter("key")).toBe(false);
    expect(isAuditActionFilter("nope.")).toBe(false);
    expect(isAuditActionFilter("constructor")).toBe(false);
  });
});
