import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_PAGE_SIZE } from "@/lib/tables/list-params";
import { makeEvent, makeTenant } from "@/test/factories";
import { LINKS_NOW, linkQueryCases, listParamsOf, seedIssuedLinks } from "@/test/issued-links-fixture";
import { listIssuedLinks } from "./service";

/**
 * Every filter and sort of the issued-links table finds exactly the links it should, one page at a
 * time. How fast it stays with 100,000 links is measured by `npm run bench:tables` (README).
 */
const ROWS = 2_000;

describe("the issued-links table's queries", () => {
  it("answer every filter and sort with the right rows, one page at a time", { timeout: 120_000 }, async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    await seedIssuedLinks(db, event.id, ROWS);
    const totals = new Map<string, number>();
    for (const testCase of linkQueryCases(ROWS)) {
      const result = await listIssuedLinks(ctx, event.slug, listParamsOf(testCase), LINKS_NOW);
      expect(result.rows.length, testCase[0]).toBe(Math.min(DEFAULT_PAGE_SIZE, result.total));
      totals.set(testCase[0], result.total);
    }
    const total = (name: string) => totals.get(name)!;
    expect(total("no filter (newest first)")).toBe(ROWS);
    expect(total("status active") + total("status used") + total("status expired") + total("status revoked")).toBe(ROWS);
    expect(total("kind long_lived")).toBe(ROWS / 10);
    expect(total("role host")).toBe(ROWS / 50);
    expect(total("issuer")).toBe(ROWS / 4);
    expect(total("name search, no match")).toBe(0);
    const byName = await listIssuedLinks(ctx, event.slug, listParamsOf(["", { sort: "displayName", dir: "asc" }]), LINKS_NOW);
    const names = byName.rows.map((r) => r.displayName.toLowerCase());
    expect(names).toEqual([...names].sort());
  });
});
