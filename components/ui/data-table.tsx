"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition, type ReactNode } from "react";
import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { PAGE_SIZES } from "@/lib/tables/list-params";
import { Button, buttonClasses } from "./button";
import { cn } from "./cn";
import { controlClasses, inputClasses } from "./field";

/**
 * The one table for server-side data: sorting, filters and the page live in the URL, the server
 * component loads exactly one page, and TanStack Table runs in manual mode (no client processing).
 */
export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
// Columns of any value type; `any` is TanStack's own idiom for heterogeneous column arrays.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServerColumnDef<TData extends RowData> = ColumnDef<typeof serverTableFeatures, TData, any>;

export interface ServerTablePage<TData> {
  rows: TData[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: string;
  dir: "asc" | "desc";
}

/** Reads and writes the table's URL state; any change other than the page goes back to page 1. */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const set = (changes: Record<string, string | number | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    if (!("page" in changes)) next.delete("page");
    const query = next.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  return { get: (key: string) => searchParams.get(key) ?? "", set, pending };
}

export function TableSearch({ placeholder, label }: { placeholder: string; label: string }) {
  const url = useUrlState();
  const query = url.get("q");
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // "Clear filters" empties the URL's search: the box follows (typing itself never differs for long).
  useEffect(() => {
    if (input.current && input.current.value.trim() !== query) input.current.value = query;
  }, [query]);
  return (
    <input
      ref={input}
      type="search"
      aria-label={label}
      placeholder={placeholder}
      defaultValue={url.get("q")}
      onChange={(e) => {
        const value = e.target.value.trim();
        clearTimeout(timer.current);
        // Debounced so typing a word is one navigation, not one per keystroke.
        timer.current = setTimeout(() => url.set({ q: value || null }), 300);
      }}
      className={cn(inputClasses, "w-full sm:w-72")}
    />
  );
}

interface FilterOption {
  value: string;
  label: string;
}

/** A filter's choices: plain options, or groups of them (an <optgroup> each, as the audit log's areas). */
type FilterChoice = FilterOption | { group: string; options: FilterOption[] };

const filterOption = (o: FilterOption) => (
  <option key={o.value} value={o.value}>
    {o.label}
  </option>
);

export function TableFilter({ name, label, options }: { name: string; label: string; options: FilterChoice[] }) {
  const url = useUrlState();
  return (
    <select aria-label={label} value={url.get(name)} onChange={(e) => url.set({ [name]: e.target.value || null })} className={controlClasses}>
      <option value="">{label}: all</option>
      {options.map((choice) =>
        "group" in choice ? (
          <optgroup key={choice.group} label={choice.group}>
            {choice.options.map(filterOption)}
          </optgroup>
        ) : (
          filterOption(choice)
        ),
      )}
    </select>
  );
}

/** A person in a table cell: the name, and the email beneath it when there is one. */
export function PersonCell({ name, email, className }: { name: ReactNode; email?: string | null; className?: string }) {
  return (
    <div className={cn("min-w-[8rem]", className)}>
      <p className="font-medium text-slate-900">{name}</p>
      {email ? <p className="text-xs text-slate-500">{email}</p> : null}
    </div>
  );
}

/**
 * "Export CSV": a download of every row that the table's current search, filters and sort select
 * (not only this page). `href` is the export route; the table's URL state is appended to it.
 */
export function TableExport({ href, label = "Export CSV" }: { href: string; label?: string }) {
  const searchParams = useSearchParams();
  const query = new URLSearchParams(searchParams.toString());
  query.delete("page");
  query.delete("size");
  const target = query.size ? `${href}?${query.toString()}` : href;
  return (
    <a href={target} download className={buttonClasses("secondary", "sm", "ml-auto")}>
      {label}
    </a>
  );
}

/** URL parameters that only arrange the rows; any other one (a search, a filter) narrows them. */
const ARRANGING_PARAMS = new Set(["page", "size", "sort", "dir"]);

export function ServerDataTable<TData extends RowData & { id: string }>({
  columns,
  page,
  toolbar,
  emptyState,
  filteredEmptyState,
  caption,
  cardsOnPhone = false,
}: {
  columns: Array<ServerColumnDef<TData>>;
  page: ServerTablePage<TData>;
  toolbar?: ReactNode;
  /** Shown when there are no rows at all. */
  emptyState: ReactNode;
  /** Shown when a search or filter left no rows; a "Clear filters" button follows it. */
  filteredEmptyState?: ReactNode;
  caption: string;
  /** Below 640 px each row is a card of labelled values instead of a row the screen would clip. */
  cardsOnPhone?: boolean;
}) {
  const url = useUrlState();
  const searchParams = useSearchParams();
  const narrowing = [...searchParams.keys()].filter((key) => !ARRANGING_PARAMS.has(key));
  const sorting: SortingState = [{ id: page.sort, desc: page.dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page.page - 1, pageSize: page.pageSize };
  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: page.rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: page.total,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first) url.set({ sort: first.id, dir: first.desc ? "desc" : "asc" });
    },
    onPaginationChange: (updater) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      if (next.pageSize !== pagination.pageSize) url.set({ size: next.pageSize });
      else url.set({ page: next.pageIndex + 1 });
    },
  });

  const from = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const to = Math.min(page.page * page.pageSize, page.total);

  return (
    <div className="space-y-3">
      {toolbar ? <div className="flex flex-wrap items-center gap-2">{toolbar}</div> : null}
      <div className={cn("overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200", url.pending && "opacity-70")} aria-busy={url.pending}>
        <table className={cn("min-w-full divide-y divide-slate-200 text-sm", cardsOnPhone && "max-sm:block")}>
          <caption className="sr-only">{caption}</caption>
          <thead className={cn("bg-slate-50", cardsOnPhone && "max-sm:sr-only")}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="whitespace-nowrap px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden className="text-slate-400">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={cn("divide-y divide-slate-100", cardsOnPhone && "max-sm:block")}>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cn("hover:bg-slate-50", cardsOnPhone && "max-sm:block max-sm:py-2")}>
                {row.getAllCells().map((cell) => {
                  const header = cell.column.columnDef.header;
                  const label = typeof header === "string" ? header : undefined;
                  return (
                    <td
                      key={cell.id}
                      data-label={label}
                      className={cn(
                        "px-3 py-2.5 align-top text-slate-800",
                        cardsOnPhone && "max-sm:flex max-sm:min-w-0 max-sm:gap-3 max-sm:py-1",
                        cardsOnPhone &&
                          label &&
                          "max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:pt-0.5 max-sm:before:text-xs max-sm:before:font-semibold max-sm:before:uppercase max-sm:before:tracking-wide max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]",
                      )}
                    >
                      <div className={cn(cardsOnPhone && "max-sm:min-w-0 max-sm:flex-1 max-sm:break-words")}>
                        <table.FlexRender cell={cell} />
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {page.rows.length === 0 ? (
          <div className="space-y-3 px-4 py-10 text-center text-sm text-slate-600">
            {narrowing.length > 0 && filteredEmptyState ? (
              <>
                <div>{filteredEmptyState}</div>
                <Button variant="secondary" size="sm" onClick={() => url.set(Object.fromEntries(narrowing.map((key) => [key, null])))}>
                  Clear filters
                </Button>
              </>
            ) : (
              emptyState
            )}
          </div>
        ) : null}
      </div>
      <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <p>
          {page.total === 0 ? "No results" : `${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")} of ${page.total.toLocaleString("en-US")}`}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2">
            <span className="whitespace-nowrap">Rows per page</span>
            <select
              value={page.pageSize}
              onChange={(e) => table.setPageSize(Number(e.target.value))}
              className={cn(controlClasses, "py-1")}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <Button variant="secondary" size="sm" onClick={() => table.previousPage()} disabled={page.page <= 1}>
            Previous
          </Button>
          <span aria-current="page" className="whitespace-nowrap">
            Page {page.page} of {page.pageCount}
          </span>
          <Button variant="secondary" size="sm" onClick={() => table.nextPage()} disabled={page.page >= page.pageCount}>
            Next
          </Button>
        </div>
      </nav>
    </div>
  );
}
