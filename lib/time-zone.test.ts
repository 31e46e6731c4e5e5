import { describe, expect, it } from "vitest";
import { formatInZone, formatZoneShort, instantOfWallTime, isTimeZone, wallTimeOf, zoneOffsetMs } from "./time-zone";

describe("the admin's time zone", () => {
  it("knows IANA zones and refuses anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    for (const bad of ["", "Mars/Olympus", "Europe/Berlin; DROP", 42, null, "x".repeat(65)]) expect(isTimeZone(bad), String(bad)).toBe(false);
  });

  it("measures the zone's offset, with daylight saving", () => {
    expect(zoneOffsetMs(new Date("2026-12-01T12:00:00Z"), "Europe/Berlin")).toBe(3_600_000);
    expect(zoneOffsetMs(new Date("2026-07-01T12:00:00Z"), "Europe/Berlin")).toBe(7_200_000);
    expect(zoneOffsetMs(new Date("2026-07-01T12:00:00Z"), "America/New_York")).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs(new Date("2026-07-01T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * 3_600_000);
  });

  it("turns an instant into the zone's date and time inputs and back", () => {
    const instant = new Date("2026-12-01T14:05:00Z");
    expect(wallTimeOf(instant, "Europe/Berlin")).toEqual({ date: "2026-12-01", time: "15:05" });
    expect(wallTimeOf(instant, "UTC")).toEqual({ date: "2026-12-01", time: "14:05" });
    expect(wallTimeOf(instant, "Pacific/Auckland")).toEqual({ date: "2026-12-02", time: "03:05" });
    expect(instantOfWallTime("2026-12-01", "15:05", "Europe/Berlin")?.toISOString()).toBe("2026-12-01T14:05:00.000Z");
    expect(instantOfWallTime("2027-04-01", "15:00", "UTC")?.toISOString()).toBe("2027-04-01T15:00:00.000Z");
    expect(instantOfWallTime("2027-07-04", "09:30", "America/New_York")?.toISOString()).toBe("2027-07-04T13:30:00.000Z");
  });

  it("resolves the daylight-saving edges: a skipped time after the jump, a repeated time the first time", () => {
    // Berlin, 29 March 2026: 02:00 → 03:00.
    expect(instantOfWallTime("2026-03-29", "02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOfWallTime("2026-03-29", "03:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Berlin, 25 October 2026: 02:30 happens at 00:30 and at 01:30 UTC.
    expect(instantOfWallTime("2026-10-25", "02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses malformed dates and times", () => {
    for (const [date, time] of [["2026-04-31", "10:00"], ["2026-13-01", "10:00"], ["2026-12-01", "24:00"], ["1.12.2026", "10:00"], ["2026-12-01", "10"], ["", ""]]) {
      expect(instantOfWallTime(date!, time!, "Europe/Berlin"), `${date} ${time}`).toBeNull();
    }
    expect(instantOfWallTime("2026-12-01", "10:00", "Nowhere/Land")).toBeNull();
  });

  it("formats like the rest of the app, with the zone's short name", () => {
    expect(formatInZone(new Date("2026-12-01T14:05:00Z"), "Europe/Berlin")).toBe("1 Dec 2026, 15:05 CET");
    expect(formatInZone("2026-07-01T14:05:00Z", "Europe/Berlin")).toBe("1 Jul 2026, 16:05 CEST");
  });

  it("says only the time next to a UTC time of the same day, and the day too when it differs", () => {
    expect(formatZoneShort("2026-12-01T14:05:00Z", "Europe/Berlin")).toBe("15:05 CET");
    expect(formatZoneShort("2026-12-01T14:05:00Z", "Pacific/Auckland")).toBe("2 Dec, 03:05 GMT+13");
    expect(formatZoneShort("2026-12-01T02:00:00Z", "America/New_York")).toBe("30 Nov, 21:00 GMT-5");
  });
});
