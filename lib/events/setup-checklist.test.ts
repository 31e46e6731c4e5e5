import { describe, expect, it } from "vitest";
import { setupChecklist } from "./setup-checklist";

describe("the new event's checklist", () => {
  it("starts with every step open, the key first, saying that nobody can sign in yet", () => {
    const list = setupChecklist({ keys: {}, profileFields: 0, issuedLinks: 0 });
    expect(list.steps.map((s) => [s.id, s.done])).toEqual([
      ["key", false],
      ["fields", false],
      ["test_link", false],
    ]);
    expect(list).toMatchObject({ doneCount: 0, complete: false });
    expect(list.steps[0]!.detail).toContain("no attendee can sign in");
  });

  it("ticks the key only once a key is active, and says to activate a standby key", () => {
    const standby = setupChecklist({ keys: { standby: 1, revoked: 2 }, profileFields: 0, issuedLinks: 0 }).steps[0]!;
    expect(standby.done).toBe(false);
    expect(standby.detail).toMatch(/^A key is on standby: activate one/);
    const active = setupChecklist({ keys: { active: 1, standby: 1 }, profileFields: 0, issuedLinks: 0 }).steps[0]!;
    expect(active).toMatchObject({ done: true, detail: "1 active key verifies attendee tokens." });
  });

  it("ticks fields and test links as they appear, and is complete with all three", () => {
    const list = setupChecklist({ keys: { active: 2 }, profileFields: 3, issuedLinks: 1 });
    expect(list.steps.map((s) => s.done)).toEqual([true, true, true]);
    expect(list.steps.map((s) => s.detail)).toEqual(["2 active keys verify attendee tokens.", "3 fields show on attendees' stream tiles.", "1 test link issued."]);
    expect(list).toMatchObject({ doneCount: 3, complete: true });
  });

  it("counts a revoked or used test link as done: the admin has tried the entry", () => {
    expect(setupChecklist({ keys: { active: 1 }, profileFields: 0, issuedLinks: 4 }).doneCount).toBe(2);
  });
});
