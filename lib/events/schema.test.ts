import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { eventFieldsSchema, slugify } from "./schema";

const valid = { name: "Spring Summit", slug: "spring-summit", contact: "help@example.com" };

function errorsFor(input: Record<string, unknown>) {
  const result = eventFieldsSchema.safeParse({ ...valid, ...input });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("event fields", () => {
  it("applies the product's policy defaults", () => {
    const event = eventFieldsSchema.parse(valid);
    expect(event).toMatchObject({ oneOffLifetimeSeconds: 300, longLivedMaxSeconds: 604800, leewaySeconds: 60, requireExp: true, startsAt: null });
  });

  it.each([
    ["ab", "at least 3"],
    ["Spring Summit", "lowercase letters"],
    ["-spring", "lowercase letters"],
    ["spring--summit", "lowercase letters"],
    ["spring_summit", "lowercase letters"],
    ["a".repeat(65), "at most 64"],
  ])("refuses the slug %j with a message that says what to do", (slug, message) => {
    expect(errorsFor({ slug }).slug).toContain(message);
  });

  it("requires a contact that is an email or an https link", () => {
    expect(errorsFor({ contact: "" }).contact).toContain("Enter a contact");
    expect(errorsFor({ contact: "call me" }).contact).toContain("email address");
    expect(errorsFor({ contact: "http://help.example.com" }).contact).toContain("https://");
    expect(errorsFor({ contact: "https://help.example.com/event" })).toEqual({});
  });

  it("refuses an end before the start, on the end field", () => {
    expect(errorsFor({ startsAt: "2026-12-01T15:00:00Z", endsAt: "2026-12-01T14:00:00Z" }).endsAt).toBe("The end must be after the start.");
  });

  it("refuses unparseable dates on their field", () => {
    expect(errorsFor({ startsAt: "next tuesday" }).startsAt).toContain("Start");
  });

  it.each([
    ["oneOffLifetimeSeconds", 10, "at least 30"],
    ["oneOffLifetimeSeconds", 1.5, "whole number"],
    ["leewaySeconds", -1, "at least 0"],
    ["leewaySeconds", 301, "at most 5 minutes (300 seconds)"],
    ["longLivedMaxSeconds", "604800", "whole number"],
    ["leewaySeconds", null, "whole number"],
  ])("bounds %s (%j)", (field, value, message) => {
    expect(errorsFor({ [field]: value })[field]).toContain(message);
  });

  it("keeps the long-lived maximum at least the one-off lifetime", () => {
    expect(errorsFor({ oneOffLifetimeSeconds: 3600, longLivedMaxSeconds: 3600 })).toEqual({});
    expect(errorsFor({ oneOffLifetimeSeconds: 3600, longLivedMaxSeconds: 3599 }).longLivedMaxSeconds).toContain("at least 1 hour (3600 seconds)");
  });

  it("takes JSON booleans for flags, and says so for anything else", () => {
    expect(eventFieldsSchema.parse({ ...valid, requireExp: false, transcriptionEnabled: true })).toMatchObject({ requireExp: false, transcriptionEnabled: true });
    expect(errorsFor({ requireExp: "yes" }).requireExp).toBe("Require an expiry must be true or false.");
  });
});

describe("slugify", () => {
  it("suggests a valid slug from a name", () => {
    expect(slugify("Spring Summit 2027!")).toBe("spring-summit-2027");
    expect(slugify("Café Ünïcode  Day")).toBe("cafe-unicode-day");
    expect(slugify("  --  ")).toBe("");
  });
});
