import { describe, expect, it } from "vitest";
import { decodeRoles, encodeRoles, linkStatus, LINK_STATUSES, statusWhere, type LinkStatusFacts } from "./status";

const now = new Date("2026-12-01T14:00:00Z");
const later = new Date("2026-12-01T15:00:00Z");
const earlier = new Date("2026-12-01T13:00:00Z");

/** Evaluates a statusWhere fragment against a row the way the database would. */
function matches(where: Record<string, unknown>, row: LinkStatusFacts): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === "OR") return (condition as Array<Record<string, unknown>>).some((c) => matches(c, row));
    if (key === "NOT") return !matches(condition as Record<string, unknown>, row);
    const value = row[key as keyof LinkStatusFacts];
    if (condition === null) return value === null;
    if (typeof condition === "string") return value === condition;
    const c = condition as { not?: null; lte?: Date; gt?: Date };
    if ("not" in c) return value !== null;
    if (c.lte) return (value as Date).getTime() <= c.lte.getTime();
    if (c.gt) return (value as Date).getTime() > c.gt.getTime();
    throw new Error(`unexpected condition ${key}`);
  });
}

describe("a link's status", () => {
  const rows: Array<[LinkStatusFacts, string]> = [
    [{ kind: "one_off", expiresAt: later, revokedAt: null, usedAt: null }, "active"],
    [{ kind: "long_lived", expiresAt: later, revokedAt: null, usedAt: null }, "active"],
    [{ kind: "one_off", expiresAt: later, revokedAt: null, usedAt: earlier }, "used"],
    [{ kind: "one_off", expiresAt: earlier, revokedAt: null, usedAt: earlier }, "used"],
    // A long-lived link's usedAt (never set by the entry, but defensively) does not make it "used".
    [{ kind: "long_lived", expiresAt: later, revokedAt: null, usedAt: earlier }, "active"],
    [{ kind: "long_lived", expiresAt: earlier, revokedAt: null, usedAt: null }, "expired"],
    [{ kind: "one_off", expiresAt: now, revokedAt: null, usedAt: null }, "expired"],
    [{ kind: "one_off", expiresAt: later, revokedAt: earlier, usedAt: earlier }, "revoked"],
    [{ kind: "long_lived", expiresAt: earlier, revokedAt: earlier, usedAt: null }, "revoked"],
  ];

  it("is revoked > used > expired > active, and the database filter says the same for every row", () => {
    for (const [row, expected] of rows) {
      expect(linkStatus(row, now), JSON.stringify(row)).toBe(expected);
      for (const status of LINK_STATUSES) expect(matches(statusWhere(status, now), row), `${status} ${JSON.stringify(row)}`).toBe(status === expected);
    }
  });

  it("stores roles so that a role filter is a plain contains", () => {
    expect(encodeRoles(["host", "presenter"])).toBe(",host,presenter,");
    expect(encodeRoles([])).toBe(",");
    expect(decodeRoles(",host,presenter,")).toEqual(["host", "presenter"]);
    expect(decodeRoles(",")).toEqual([]);
  });
});
