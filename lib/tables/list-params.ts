import { z } from "zod";

/**
 * Server-side table state lives in the URL (?q=&sort=&dir=&page=&size=&<filter>=), so a table view
 * can be bookmarked and shared, and the server only ever loads one page.
 */
export type SearchParams = Record<string, string | string[] | undefined>;
export type SortDirection = "asc" | "desc";

export interface ListParams<S extends string, F extends string = never> {
  q: string;
  sort: S;
  dir: SortDirection;
  page: number;
  pageSize: number;
  filters: Partial<Record<F, string>>;
}

export interface ListSpec<S extends string, F extends string = never> {
  sortable: readonly S[];
  defaultSort: S;
  defaultDir: SortDirection;
  filters?: readonly F[];
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_QUERY_LENGTH = 100;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Unknown or malformed values fall back to defaults instead of failing: a hand-edited URL still works. */
export function parseListParams<S extends string, F extends string = never>(
  params: SearchParams,
  spec: ListSpec<S, F>,
): ListParams<S, F> {
  const sortRaw = first(params.sort);
  const sort = (spec.sortable as readonly string[]).includes(sortRaw ?? "") ? (sortRaw as S) : spec.defaultSort;
  const dirRaw = first(params.dir);
  const dir: SortDirection = dirRaw === "asc" || dirRaw === "desc" ? dirRaw : spec.defaultDir;
  const pageRaw = Number.parseInt(first(params.page) ?? "", 10);
  const page = Number.isFinite(pageRaw) && pageRaw >= 1 ? Math.min(pageRaw, 1_000_000) : 1;
  const sizeRaw = Number.parseInt(first(params.size) ?? "", 10);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : DEFAULT_PAGE_SIZE;
  const q = (first(params.q) ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const filters: Partial<Record<F, string>> = {};
  for (const name of spec.filters ?? []) {
    const value = first(params[name])?.trim();
    if (value) filters[name] = value.slice(0, MAX_QUERY_LENGTH);
  }
  return { q, sort, dir, page, pageSize, filters };
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * One page as a server table receives it: the sort it was loaded in, and each row made plain
 * (dates to ISO strings) by `toRow`, since a client component only takes serializable props.
 */
export function tablePage<T, R, S extends string>(result: Page<T>, list: { sort: S; dir: SortDirection }, toRow: (row: T) => R): Page<R> & { sort: S; dir: SortDirection } {
  return { ...result, sort: list.sort, dir: list.dir, rows: result.rows.map(toRow) };
}

/** Clamps the page to the last one that exists, so deleting the last row of a page never shows an empty table. */
export function pageWindow(total: number, page: number, pageSize: number): { page: number; skip: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const clamped = Math.min(page, pageCount);
  return { page: clamped, skip: (clamped - 1) * pageSize, pageCount };
}

/** `?page=&pageSize=` of the HTTP API's list operations (pageSize 1–100, default 25). */
export const pageQueryShape = {
  page: z.coerce.number({ error: "page must be a whole number, 1 or more." }).int().min(1, "page must be 1 or more.").default(1).describe("1-based page number (default 1)"),
  pageSize: z.coerce
    .number({ error: "pageSize must be a whole number from 1 to 100." })
    .int()
    .min(1)
    .max(100, "pageSize must be at most 100.")
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Items per page, 1–100 (default ${DEFAULT_PAGE_SIZE})`),
};

/**
 * The query of an API list operation with search and sort: the page, `q` and a sort column and
 * direction. Unlike the dashboard's URL (parseListParams), an unknown value is refused with its field named.
 */
export function listQueryShape<const S extends readonly [string, ...string[]]>(spec: { sortable: S; defaultSort: S[number]; search: string }) {
  return {
    ...pageQueryShape,
    q: z.string().trim().max(MAX_QUERY_LENGTH, `q is at most ${MAX_QUERY_LENGTH} characters.`).default("").describe(spec.search),
    sort: z
      .enum(spec.sortable, { error: `sort is one of ${spec.sortable.join(", ")}.` })
      .default(spec.defaultSort as never)
      .describe(`Sort column (default ${spec.defaultSort})`),
    dir: z.enum(["asc", "desc"], { error: "dir is asc or desc." }).default("desc").describe("Sort direction (default desc)"),
  };
}
