import { describe, expect, it } from "vitest";
import { bySeverity, describeSeverityCounts, worstSeverity } from "./severity";

const items = (...levels: Array<"error" | "warning" | "info">) => levels.map((level, i) => ({ level, i }));

describe("severity language", () => {
  it("counts each level with its own noun, most serious first", () => {
    expect(describeSeverityCounts(items("info", "warning", "warning", "info", "info", "info"))).toBe("2 warnings and 4 notes");
    expect(describeSeverityCounts(items("info", "error", "warning"))).toBe("1 error, 1 warning and 1 note");
    expect(describeSeverityCounts(items("info"))).toBe("1 note");
    expect(describeSeverityCounts([])).toBe("");
  });

  it("never calls notes warnings (the fields page once said both)", () => {
    expect(describeSeverityCounts(items("info", "info", "info", "info"))).toBe("4 notes");
  });

  it("finds the worst level and sorts stably by severity", () => {
    expect(worstSeverity(items("info", "warning"))).toBe("warning");
    expect(worstSeverity([])).toBeNull();
    expect(bySeverity(items("info", "error", "info", "warning")).map((x) => x.i)).toEqual([1, 3, 0, 2]);
  });
});
