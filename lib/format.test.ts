import { describe, expect, it } from "vitest";
import { durationSeconds, splitDuration } from "./format";

describe("durations in human units", () => {
  it("shows a stored duration in the largest offered unit that holds it exactly", () => {
    expect(splitDuration(300, ["seconds", "minutes"])).toEqual({ amount: 5, unit: "minutes" });
    expect(splitDuration(604800, ["hours", "days"])).toEqual({ amount: 7, unit: "days" });
    expect(splitDuration(7776000, ["hours", "days"])).toEqual({ amount: 90, unit: "days" });
    expect(splitDuration(90000, ["hours", "days"])).toEqual({ amount: 25, unit: "hours" });
    expect(splitDuration(90, ["seconds", "minutes"])).toEqual({ amount: 90, unit: "seconds" });
    expect(splitDuration(0, ["seconds", "minutes"])).toEqual({ amount: 0, unit: "seconds" });
  });

  it("keeps a value no offered unit holds exactly, as a decimal of the smallest", () => {
    expect(splitDuration(5400, ["hours", "days"])).toEqual({ amount: 1.5, unit: "hours" });
  });

  it("turns what the admin typed back into seconds", () => {
    expect(durationSeconds("5", "minutes")).toBe(300);
    expect(durationSeconds(" 7 ", "days")).toBe(604800);
    expect(durationSeconds("1.5", "hours")).toBe(5400);
    expect(durationSeconds("1,5", "hours")).toBe(5400);
    expect(durationSeconds("0", "seconds")).toBe(0);
    expect(durationSeconds("0.5", "seconds")).toBe(0.5);
  });

  it("refuses what is not a plain non-negative number, leaving the message to the schema", () => {
    for (const bad of ["", " ", "abc", "-5", "1e3", "5 minutes", "Infinity"]) expect(durationSeconds(bad, "minutes"), bad).toBeNull();
  });
});
