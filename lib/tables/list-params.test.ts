import { describe, expect, it } from "vitest";
import { pageWindow, parseListParams, tablePage } from "./list-params";

const spec = { sortable: ["name", "createdAt"] as const, defaultSort: "createdAt" as const, defaultDir: "desc" as const, filters: ["status"] as const };

describe("table URL state", () => {
  it("reads valid values", () => {
    expect(parseListParams({ q: "  summit ", sort: "name", dir: "asc", page: "3", size: "50", status: "active" }, spec)).toEqual({
      q: "summit",
      sort: "name",
      dir: "asc",
      page: 3,
      pageSize: 50,
      filters: { status: "active" },
    });
  });

  it("falls back to defaults for hand-edited nonsense instead of failing", () => {
    expect(parseListParams({ sort: "password", dir: "sideways", page: "-4", size: "1000000" }, spec)).toEqual({
      q: "",
      sort: "createdAt",
      dir: "desc",
      page: 1,
      pageSize: 25,
      filters: {},
    });
  });

  it("clamps a page past the end to the last page", () => {
    expect(pageWindow(51, 9, 25)).toEqual({ page: 3, skip: 50, pageCount: 3 });
    expect(pageWindow(0, 2, 25)).toEqual({ page: 1, skip: 0, pageCount: 1 });
  });

  it("hands a table its page with the sort it was loaded in and each row made plain", () => {
    const result = { rows: [{ id: "a", at: new Date("2031-01-02T03:04:05Z") }], total: 1, page: 1, pageSize: 25, pageCount: 1 };
    const page = tablePage(result, { sort: "at", dir: "asc" }, (r) => ({ id: r.id, at: r.at.toISOString() }));
    expect(page).toEqual({ rows: [{ id: "a", at: "2031-01-02T03:04:05.000Z" }], total: 1, page: 1, pageSize: 25, pageCount: 1, sort: "at", dir: "asc" });
  });
});
