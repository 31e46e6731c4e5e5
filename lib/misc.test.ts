import { describe, expect, it } from "vitest";
import { environmentProblems } from "./env";
import { formatDuration, formatUtc, fromUtcInputValue, relativeTo, toUtcInputValue } from "./format";
import { redactSecrets } from "./log";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it("follows same-site paths only", () => {
    expect(safeNextPath("/orgs/acme")).toBe("/orgs/acme");
    expect(safeNextPath("//evil.example/x")).toBe("/orgs");
    expect(safeNextPath("/\\evil.example")).toBe("/orgs");
    expect(safeNextPath("https://evil.example")).toBe("/orgs");
    expect(safeNextPath(undefined)).toBe("/orgs");
  });
});

describe("environment check", () => {
  const good = { BETTER_AUTH_SECRET: "x".repeat(40), KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), DATABASE_URL: "file:./a.db", BETTER_AUTH_URL: "https://events.example.com" };
  it("accepts a complete environment", () => {
    expect(environmentProblems(good)).toEqual([]);
  });
  it("names every missing or malformed secret", () => {
    const problems = environmentProblems({ DATABASE_URL: "mysql://x" }).map((p) => p.variable);
    expect(problems).toEqual(["BETTER_AUTH_SECRET", "KEY_ENCRYPTION_KEY", "DATABASE_URL", "BETTER_AUTH_URL"]);
    expect(environmentProblems({ ...good, KEY_ENCRYPTION_KEY: "short" }).map((p) => p.variable)).toEqual(["KEY_ENCRYPTION_KEY"]);
  });
  it("refuses production without DATABASE_URL or BETTER_AUTH_URL instead of falling back to a local default", () => {
    const rest = { BETTER_AUTH_SECRET: good.BETTER_AUTH_SECRET, KEY_ENCRYPTION_KEY: good.KEY_ENCRYPTION_KEY };
    expect(environmentProblems(rest).map((p) => p.variable)).toEqual(["DATABASE_URL", "BETTER_AUTH_URL"]);
    expect(environmentProblems({ ...good, BETTER_AUTH_URL: "events.example.com" }).map((p) => p.variable)).toEqual(["BETTER_AUTH_URL"]);
    expect(environmentProblems({ ...good, BETTER_AUTH_URL: "https://events.example.com/app?x" }).map((p) => p.variable)).toEqual(["BETTER_AUTH_URL"]);
  });
  it("refuses a TRUSTED_PROXY_HOPS that is not a small whole number", () => {
    for (const hops of ["-1", "1.5", "two", "11"]) {
      expect(environmentProblems({ ...good, TRUSTED_PROXY_HOPS: hops }).map((p) => p.variable)).toEqual(["TRUSTED_PROXY_HOPS"]);
    }
    expect(environmentProblems({ ...good, TRUSTED_PROXY_HOPS: "2" })).toEqual([]);
  });
});

describe("formatting", () => {
  it("states times in UTC", () => {
    expect(formatUtc(new Date("2026-12-01T14:05:00Z"))).toBe("1 Dec 2026, 14:05 UTC");
    expect(formatUtc(null)).toBe("—");
  });
  it("says how long ago or until", () => {
    const now = new Date("2026-12-01T14:11:30Z");
    expect(relativeTo(new Date("2026-12-01T14:05:00Z"), now)).toBe("6 minutes ago");
    expect(relativeTo(new Date("2026-12-01T14:16:30Z"), now)).toBe("in 5 minutes");
  });
  it("names durations", () => {
    expect(formatDuration(300)).toBe("5 minutes");
    expect(formatDuration(604800)).toBe("7 days");
    expect(formatDuration(90)).toBe("90 seconds");
  });
  it("round-trips UTC form inputs", () => {
    expect(fromUtcInputValue("2026-12-01T14:05")).toBe("2026-12-01T14:05:00Z");
    expect(toUtcInputValue(new Date("2026-12-01T14:05:00Z"))).toBe("2026-12-01T14:05");
    expect(fromUtcInputValue("")).toBe("");
  });
});

describe("log redaction", () => {
  it("removes tokens and PEM blocks from anything logged", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJkaXNwbGF5TmFtZSI6IkxhcnJ5In0.c2lnbmF0dXJlLWJ5dGVz";
    const text = `bad input ${token} and -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- end`;
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain("eyJhbGci");
    expect(redacted).not.toContain("MIIE");
    expect(redacted).toBe("bad input [redacted token] and [redacted PEM] end");
  });
});
