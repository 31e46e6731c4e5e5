import { describe, expect, it } from "vitest";
import { presentAttendee, TILE_LIMITS, WARNING_CODES, type AttendeeClaims, type FieldDefinition, type WarningCode } from "./present";

const DOC_FIELDS: FieldDefinition[] = [
  { key: "organization", label: "Organization", kind: "text" },
  { key: "title", label: "Title", kind: "text" },
  { key: "interests", label: "Interests", kind: "text" },
];
const SOCIAL_FIELDS: FieldDefinition[] = [
  ...DOC_FIELDS,
  { key: "twitter", label: "Twitter / X", kind: "twitter" },
  { key: "linkedin", label: "LinkedIn", kind: "linkedin" },
];
const LARRY: AttendeeClaims = {
  displayName: "Larry David",
  userProfile: [
    ["organization", "Seinfield"],
    ["title", "Producer"],
    ["interests", "comedy"],
  ],
};

const codes = (claims: AttendeeClaims, fields = DOC_FIELDS) => presentAttendee(claims, fields).warnings.map((w) => w.code);
const only = (claims: AttendeeClaims, code: WarningCode, fields = DOC_FIELDS) => presentAttendee(claims, fields).warnings.filter((w) => w.code === code);

describe("presentAttendee: the doc's example", () => {
  it("shows the first field atop, the rest on hover, initials avatar, no warnings", () => {
    const { attendee, warnings } = presentAttendee(LARRY, DOC_FIELDS);
    expect(warnings).toEqual([]);
    expect(attendee.name).toBe("Larry David");
    expect(attendee.avatar).toMatchObject({ kind: "initials", initials: "LD" });
    expect(attendee.headline).toMatchObject({ key: "organization", label: "Organization", value: "Seinfield", truncated: false });
    expect(attendee.hoverFields.map((f) => [f.label, f.value])).toEqual([
      ["Title", "Producer"],
      ["Interests", "comedy"],
    ]);
    expect(attendee.roles).toEqual([]);
    expect(attendee.metLinks).toEqual([]);
  });
});

describe("presentAttendee: the first field atop is the first configured one in TOKEN order", () => {
  it("follows the token's order, not the event's field order", () => {
    const { attendee } = presentAttendee(
      { displayName: "Larry David", userProfile: [["interests", "comedy"], ["organization", "Seinfield"], ["title", "Producer"]] },
      DOC_FIELDS,
    );
    expect(attendee.headline?.key).toBe("interests");
    expect(attendee.hoverFields.map((f) => f.key)).toEqual(["organization", "title"]);
  });

  it("skips keys the event does not configure when picking the first", () => {
    const { attendee } = presentAttendee({ displayName: "Larry David", userProfile: [["shoe_size", "11"], ["title", "Producer"]] }, DOC_FIELDS);
    expect(attendee.headline?.key).toBe("title");
    expect(attendee.hoverFields).toEqual([]);
  });

  it("skips values that cannot be shown when picking the first", () => {
    const { attendee } = presentAttendee({ displayName: "Larry David", userProfile: [["organization", ""], ["title", 7], ["interests", "comedy"]] }, DOC_FIELDS);
    expect(attendee.headline?.key).toBe("interests");
  });

  it("has no headline when nothing is shown", () => {
    expect(presentAttendee({ displayName: "Larry David" }, DOC_FIELDS).attendee.headline).toBeNull();
  });
});

describe("presentAttendee: links on the 'You met with…' card", () => {
  it("links twitter and linkedin values canonically, in token order, and shows the short form on the tile", () => {
    const { attendee, warnings } = presentAttendee(
      {
        displayName: "Larry David",
        userProfile: [["organization", "Seinfield"], ["linkedin", "linkedin.com/in/larry-david"], ["twitter", "https://twitter.com/larrydavid"]],
      },
      SOCIAL_FIELDS,
    );
    expect(warnings.map((w) => w.code)).toEqual(["field_missing", "field_missing"]);
    expect(attendee.metLinks).toEqual([
      { key: "linkedin", label: "LinkedIn", kind: "linkedin", href: "https://www.linkedin.com/in/larry-david", text: "linkedin.com/in/larry-david" },
      { key: "twitter", label: "Twitter / X", kind: "twitter", href: "https://x.com/larrydavid", text: "@larrydavid" },
    ]);
    expect(attendee.hoverFields.find((f) => f.key === "twitter")?.value).toBe("@larrydavid");
  });

  it("links https web-link fields and never text fields", () => {
    const fields: FieldDefinition[] = [
      { key: "site", label: "Website", kind: "url" },
      { key: "note", label: "Note", kind: "text" },
    ];
    const { attendee } = presentAttendee({ displayName: "L", userProfile: [["site", "https://example.com/larry"], ["note", "https://example.com"]] }, fields);
    expect(attendee.metLinks.map((l) => l.href)).toEqual(["https://example.com/larry"]);
  });

  it("shows an invalid social value as text but never links it", () => {
    const { attendee } = presentAttendee({ displayName: "L", userProfile: [["twitter", "javascript:alert(1)"]] }, SOCIAL_FIELDS);
    expect(attendee.headline).toMatchObject({ key: "twitter", value: "javascript:alert(1)", link: null });
    expect(attendee.metLinks).toEqual([]);
  });
});

describe("presentAttendee: role badges", () => {
  it("shows known roles in a fixed order, once each", () => {
    const { attendee, warnings } = presentAttendee({ ...LARRY, roles: ["presenter", "host", "presenter"] }, DOC_FIELDS);
    expect(attendee.roles.map((r) => r.label)).toEqual(["Host", "Presenter"]);
    expect(warnings).toEqual([]);
  });
});

describe("presentAttendee: every warning", () => {
  it("profile_not_array: an object instead of pairs shows nothing and says how to send it", () => {
    const [w] = only({ displayName: "L", userProfile: { organization: "Seinfield" } }, "profile_not_array");
    expect(w).toMatchObject({ level: "error", key: "userProfile" });
    expect(w!.message).toContain("an object");
    expect(w!.message).toContain('[["organization", "Seinfield"]');
    expect(presentAttendee({ displayName: "L", userProfile: "organization=Seinfield" }, DOC_FIELDS).attendee.headline).toBeNull();
  });

  it("entry_not_pair: entries that are not [text key, value] are ignored, each named by position", () => {
    const warnings = only(
      { displayName: "L", userProfile: ["organization", ["title"], ["interests", "comedy", "extra"], [3, "x"], null, ["organization", "Seinfield"]] },
      "entry_not_pair",
    );
    expect(warnings.map((w) => w.entry)).toEqual([1, 2, 3, 4, 5]);
    expect(warnings[1]!.message).toContain("a list of 1 item");
    expect(presentAttendee({ displayName: "L", userProfile: ["x", ["organization", "Seinfield"]] }, DOC_FIELDS).attendee.headline?.value).toBe("Seinfield");
  });

  it("duplicate_key: the first occurrence is used and the message says which", () => {
    const claims = { displayName: "L", userProfile: [["title", "Producer"], ["organization", "Seinfield"], ["title", "Writer"], ["title", "Actor"]] };
    const [w] = only(claims, "duplicate_key");
    expect(w).toMatchObject({ key: "title", entry: 3 });
    expect(w!.message).toContain("3 times (entries 1, 3, 4): only entry 1 is used");
    expect(presentAttendee(claims, DOC_FIELDS).attendee.headline?.value).toBe("Producer");
  });

  it("key_dropped: a key the event does not configure is dropped", () => {
    const [w] = only({ ...LARRY, userProfile: [["email", "larry@example.com"], ...(LARRY.userProfile as unknown[])] }, "key_dropped");
    expect(w).toMatchObject({ key: "email", entry: 1, level: "info" });
    expect(w!.message).toContain("dropped");
  });

  it("key_likely_typo: a key that differs from a field only in case or spacing is named with the field it resembles", () => {
    for (const typo of ["Title", "title ", " TITLE", "ti_tle"]) {
      const warnings = presentAttendee({ displayName: "L", userProfile: [[typo, "Producer"]] }, DOC_FIELDS).warnings;
      const w = warnings.find((x) => x.code === "key_likely_typo");
      expect(w, typo).toMatchObject({ key: typo, level: "warning" });
      expect(w!.message).toContain("looks like “title”");
      expect(warnings.some((x) => x.code === "key_dropped")).toBe(false);
    }
    const fields: FieldDefinition[] = [{ key: "job title", label: "Job title", kind: "text" }];
    expect(codes({ displayName: "L", userProfile: [["job_title", "Producer"]] }, fields)).toContain("key_likely_typo");
  });

  it("value_not_string: numbers, booleans, null and objects are not shown, with a fix for numbers", () => {
    const warnings = only(
      { displayName: "L", userProfile: [["organization", 42], ["title", true], ["interests", { a: 1 }]] },
      "value_not_string",
    );
    expect(warnings.map((w) => w.key)).toEqual(["organization", "title", "interests"]);
    expect(warnings[0]!.message).toContain('a number (42)');
    expect(warnings[0]!.message).toContain('Send it as "42"');
    expect(warnings[2]!.message).toContain("an object");
    expect(codes({ displayName: "L", userProfile: [["organization", null]] })).toContain("value_not_string");
  });

  it("value_empty: an empty or blank value is not shown", () => {
    const warnings = only({ displayName: "L", userProfile: [["organization", "   "], ["title", ""]] }, "value_empty");
    expect(warnings.map((w) => w.key)).toEqual(["organization", "title"]);
  });

  it("value_truncated: says how long the value is and quotes where the tile cuts it", () => {
    const long = "Seinfield Productions International Holdings Group";
    const { attendee, warnings } = presentAttendee({ displayName: "L", userProfile: [["organization", long]] }, DOC_FIELDS);
    const w = warnings.find((x) => x.code === "value_truncated")!;
    expect(w.message).toContain(`is ${long.length} characters; the tile cuts it after ${TILE_LIMITS.value}`);
    expect(w.message).toContain("“Seinfield Productions International Hold…”");
    expect(attendee.headline).toMatchObject({ value: "Seinfield Productions International Hold…", fullValue: long, truncated: true });
    expect(codes({ displayName: "L", userProfile: [["organization", "x".repeat(TILE_LIMITS.value)]] })).not.toContain("value_truncated");
  });

  it("value_truncated counts characters as people see them", () => {
    const emoji = "👩‍👩‍👧".repeat(TILE_LIMITS.value);
    expect(codes({ displayName: "L", userProfile: [["organization", emoji]] })).not.toContain("value_truncated");
  });

  it("invalid_link: twitter and linkedin values that are not handles or profiles, and non-https web links", () => {
    const fields: FieldDefinition[] = [...SOCIAL_FIELDS, { key: "site", label: "Website", kind: "url" }];
    const warnings = only(
      { displayName: "L", userProfile: [["twitter", "https://evil.com/larry"], ["linkedin", "javascript:alert(1)"], ["site", "http://example.com"]] },
      "invalid_link",
      fields,
    );
    expect(warnings.map((w) => w.key)).toEqual(["twitter", "linkedin", "site"]);
    expect(warnings[0]!.message).toContain("@larrydavid");
    expect(warnings[1]!.message).toContain("https://www.linkedin.com/in/larry-david");
    expect(warnings[2]!.message).toContain("https://");
  });

  it("text_cleaned: control and text-direction characters are removed from names and values", () => {
    const { attendee, warnings } = presentAttendee({ displayName: "Larry\u202e David", userProfile: [["title", "Pro\u0007ducer"]] }, DOC_FIELDS);
    expect(warnings.filter((w) => w.code === "text_cleaned").map((w) => w.key)).toEqual(["displayName", "title"]);
    expect(attendee.name).toBe("Larry David");
    expect(attendee.headline?.value).toBe("Pro ducer");
  });

  it("field_missing: each configured field the token lacks, with its label", () => {
    const warnings = only({ displayName: "L", userProfile: [["title", "Producer"]] }, "field_missing");
    expect(warnings.map((w) => w.key)).toEqual(["organization", "interests"]);
    expect(warnings[0]!.message).toContain("(Organization)");
    // A field that is sent but cannot be shown has its own warning, not this one.
    expect(codes({ displayName: "L", userProfile: [["organization", 1], ["title", ""], ["interests", "x"]] })).not.toContain("field_missing");
  });

  it("special_key_not_linked: a field named twitter or linkedin that is not of that kind", () => {
    const fields: FieldDefinition[] = [{ key: "twitter", label: "Twitter", kind: "text" }, { key: "LinkedIn", label: "LinkedIn", kind: "url" }];
    const warnings = only({ displayName: "L", userProfile: [["twitter", "@larrydavid"], ["LinkedIn", "x"]] }, "special_key_not_linked", fields);
    expect(warnings.map((w) => w.key)).toEqual(["twitter", "LinkedIn"]);
    expect(warnings[0]!.message).toContain("Set its kind to Twitter / X");
    expect(presentAttendee({ displayName: "L", userProfile: [["twitter", "@larrydavid"]] }, fields).attendee.metLinks).toEqual([]);
  });

  it("no_fields: an event without fields drops everything", () => {
    const { attendee, warnings } = presentAttendee(LARRY, []);
    expect(warnings.map((w) => w.code)).toEqual(["no_fields", "key_dropped", "key_dropped", "key_dropped"]);
    expect(attendee.headline).toBeNull();
  });

  it("display_name_missing: missing, blank or not text", () => {
    for (const displayName of [undefined, "", "  ", 42]) {
      const { attendee, warnings } = presentAttendee({ displayName, userProfile: [] }, DOC_FIELDS);
      expect(warnings.find((w) => w.code === "display_name_missing"), String(displayName)).toMatchObject({ level: "error", key: "displayName" });
      expect(attendee.name).toBe("Unnamed attendee");
      expect(attendee.avatar).toMatchObject({ kind: "initials", initials: "?" });
    }
  });

  it("display_name_truncated: quotes where the tile cuts the name", () => {
    const { attendee, warnings } = presentAttendee({ displayName: "Lawrence Gene David of Brooklyn, New York City" }, DOC_FIELDS);
    const w = warnings.find((x) => x.code === "display_name_truncated")!;
    expect(w.message).toContain(`cuts it after ${TILE_LIMITS.name}`);
    expect(attendee.name).toBe("Lawrence Gene David of Brooklyn,…");
    expect(attendee.fullName).toBe("Lawrence Gene David of Brooklyn, New York City");
  });

  it("avatar_invalid: a non-https avatarUrl falls back to initials", () => {
    const { attendee, warnings } = presentAttendee({ ...LARRY, avatarUrl: "http://example.com/larry.png" }, DOC_FIELDS);
    expect(warnings.map((w) => w.code)).toEqual(["avatar_invalid"]);
    expect(attendee.avatar.kind).toBe("initials");
    expect(codes({ ...LARRY, avatarUrl: "https://example.com/larry.png" })).toEqual([]);
    expect(codes({ ...LARRY, avatarUrl: "" })).toEqual([]);
  });

  it("roles_invalid: unknown roles and a roles claim that is not a list grant nothing", () => {
    const { attendee, warnings } = presentAttendee({ ...LARRY, roles: ["host", "admin", 3] }, DOC_FIELDS);
    expect(warnings.map((w) => w.code)).toEqual(["roles_invalid", "roles_invalid"]);
    expect(warnings[0]!.message).toContain('"admin"');
    expect(attendee.roles.map((r) => r.role)).toEqual(["host"]);
    expect(codes({ ...LARRY, roles: "host" })).toEqual(["roles_invalid"]);
  });

  it("covers every warning code (a new code needs a test above)", () => {
    const fields: FieldDefinition[] = [...SOCIAL_FIELDS, { key: "linkedin ", label: "x", kind: "text" }];
    const seen = new Set<string>([
      ...codes({ displayName: "L", userProfile: {} }),
      ...codes(
        {
          displayName: "x".repeat(50) + "\u202e",
          avatarUrl: "http://x",
          roles: ["admin"],
          userProfile: [
            ["organization", "x".repeat(60)],
            "junk",
            ["organization", "again"],
            ["unknown", "x"],
            ["Title", "x"],
            ["interests", 3],
            ["twitter", "javascript:alert(1)"],
            ["linkedin", ""],
          ],
        },
        [...fields, { key: "site", label: "Site", kind: "url" }, { key: "Twitter", label: "T", kind: "text" }],
      ),
      ...codes({ displayName: "" }, []),
    ]);
    expect([...WARNING_CODES].filter((c) => !seen.has(c))).toEqual([]);
  });
});
