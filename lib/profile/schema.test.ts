import { describe, expect, it } from "vitest";
import {
  addProfileFieldSchema,
  foldKey,
  presetKindFor,
  PROFILE_LIMITS,
  profileFieldKeySchema,
  profileFieldSchema,
  replaceProfileFieldsSchema,
  suggestLabel,
} from "./schema";
import { defaultSample, moveItem, orderLikeFields, sampleValueFor, withMissingFields, DOC_EXAMPLE } from "./sample";

const keyError = (key: unknown) => {
  const result = profileFieldKeySchema.safeParse(key);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("profile field keys", () => {
  it.each([["organization"], ["Job title"], ["twitter"], ["x.y-z_1"], ["会社"], ["k".repeat(PROFILE_LIMITS.keyMax)]])("accepts %j exactly as sent", (key) => {
    expect(profileFieldKeySchema.parse(key)).toBe(key);
  });

  it("refuses empty, blank, padded, over-long and control-character keys with a reason", () => {
    expect(keyError("")).toContain("exactly as your tokens send it");
    expect(keyError("   ")).toContain("only spaces");
    expect(keyError(" title")).toContain("starts or ends with a space");
    expect(keyError("title ")).toContain("starts or ends with a space");
    expect(keyError("k".repeat(PROFILE_LIMITS.keyMax + 1))).toContain(`at most ${PROFILE_LIMITS.keyMax}`);
    expect(keyError("ti\ntle")).toContain("control");
    expect(keyError("ti\u202etle")).toContain("control or text-direction");
    expect(keyError(42)).toContain("Enter the key");
  });

  it("requires a label and a known kind", () => {
    const result = profileFieldSchema.safeParse({ key: "title", label: "  ", kind: "email" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["label", "kind"]);
    expect(profileFieldSchema.parse({ key: "title", label: " Title ", kind: "text" }).label).toBe("Title");
  });

  it("parses the add operation with its event", () => {
    expect(addProfileFieldSchema.parse({ eventSlug: "e", key: "twitter", label: "Twitter", kind: "twitter" })).toEqual({
      eventSlug: "e",
      key: "twitter",
      label: "Twitter",
      kind: "twitter",
    });
  });

  it("refuses a replacement list with keys that repeat, even by case or spacing", () => {
    const result = replaceProfileFieldsSchema.safeParse([
      { key: "title", label: "Title", kind: "text" },
      { key: "Title", label: "Title", kind: "text" },
    ]);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: [1, "key"] });
    expect(result.error!.issues[0]!.message).toContain('repeats field 1 ("title")');
  });
});

describe("key helpers", () => {
  it("presets twitter and linkedin kinds from the key", () => {
    expect(presetKindFor("twitter")).toBe("twitter");
    expect(presetKindFor("LinkedIn")).toBe("linkedin");
    expect(presetKindFor("organization")).toBeNull();
  });

  it("suggests readable labels", () => {
    expect(suggestLabel("job_title")).toBe("Job title");
    expect(suggestLabel("jobTitle")).toBe("Job title");
    expect(suggestLabel("twitter")).toBe("Twitter / X");
    expect(suggestLabel("organization")).toBe("Organization");
  });

  it("folds case and spacing only", () => {
    expect(foldKey("Job Title")).toBe(foldKey("job_title"));
    expect(foldKey("job-title")).toBe(foldKey("JOBTITLE"));
    expect(foldKey("title")).not.toBe(foldKey("titles"));
  });
});

describe("the sample attendee", () => {
  const fields = [
    { key: "title", label: "Title", kind: "text" },
    { key: "twitter", label: "Twitter / X", kind: "twitter" },
    { key: "organization", label: "Organization", kind: "text" },
    { key: "company size", label: "Company size", kind: "text" },
  ];

  it("is the doc's Larry David, plus sample values for configured fields, in field order", () => {
    const sample = defaultSample(fields);
    expect(sample.displayName).toBe("Larry David");
    expect(sample.userProfile).toEqual([
      ["title", "Producer"],
      ["twitter", "@larrydavid"],
      ["organization", "Seinfield"],
      ["company size", "Sample company size"],
      ["interests", "comedy"],
    ]);
  });

  it("is exactly the doc's example for the doc's fields", () => {
    const docFields = DOC_EXAMPLE.userProfile.map(([key]) => ({ key, label: key, kind: "text" }));
    expect(defaultSample(docFields).userProfile).toEqual(DOC_EXAMPLE.userProfile);
  });

  it("adds a pair only for fields it does not send yet", () => {
    expect(withMissingFields([["title", "Writer"]], fields.slice(0, 2))).toEqual([
      ["title", "Writer"],
      ["twitter", "@larrydavid"],
    ]);
    expect(sampleValueFor({ key: "linkedin", label: "LinkedIn", kind: "linkedin" })).toBe("https://www.linkedin.com/in/larrydavid");
  });

  it("orders pairs like the fields, unknown keys last in their own order", () => {
    const pairs: Array<[string, string]> = [["zeta", "1"], ["organization", "O"], ["alpha", "2"], ["title", "T"]];
    expect(orderLikeFields(pairs, fields).map(([k]) => k)).toEqual(["title", "organization", "zeta", "alpha"]);
  });

  it("moves items within bounds", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 5)).toEqual(["a", "b", "c"]);
  });
});
