import { describe, expect, it } from "vitest";
import type { ApiLink } from "@/lib/api/schemas";
import { LINK_CSV_COLUMNS, linksCsv } from "./csv";

const link = (overrides: Partial<ApiLink>): ApiLink => ({
  id: "lnk_1",
  jti: "jti-1",
  kind: "one_off",
  status: "active",
  kid: "kid-1",
  displayName: "Ada Lovelace",
  email: null,
  roles: [],
  claims: { displayName: "Ada Lovelace" },
  signedIn: "server",
  issuedAt: "2031-03-01T10:00:00.000Z",
  expiresAt: "2031-03-01T10:05:00.000Z",
  issuedBy: "admin@example.com",
  revokedAt: null,
  revokedBy: null,
  usedAt: null,
  redemptions: 0,
  lastRedeemedAt: null,
  ...overrides,
});

describe("linksCsv", () => {
  it("writes one row per link under the documented header, roles joined by spaces, claims left out", () => {
    const csv = linksCsv([
      link({}),
      link({ id: "lnk_2", displayName: "Grace", email: "grace@example.com", roles: ["host", "presenter"], kind: "long_lived", status: "revoked", revokedAt: "2031-03-01T11:00:00.000Z", revokedBy: "owner@example.com", redemptions: 3 }),
    ]);
    const [header, first, second, end] = csv.split("\r\n");
    expect(header).toBe(LINK_CSV_COLUMNS.join(","));
    expect(first).toBe("lnk_1,Ada Lovelace,,,one_off,active,2031-03-01T10:00:00.000Z,2031-03-01T10:05:00.000Z,admin@example.com,server,kid-1,jti-1,,,,0,");
    expect(second).toBe(
      "lnk_2,Grace,grace@example.com,host presenter,long_lived,revoked,2031-03-01T10:00:00.000Z,2031-03-01T10:05:00.000Z,admin@example.com,server,kid-1,jti-1,,2031-03-01T11:00:00.000Z,owner@example.com,3,",
    );
    expect(end).toBe("");
    expect(csv).not.toContain("claims");
  });

  it("defuses an attendee name that a spreadsheet would run as a formula", () => {
    const csv = linksCsv([link({ displayName: '=HYPERLINK("https://evil.example","click")' })]);
    expect(csv.split("\r\n")[1]).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
  });
});
