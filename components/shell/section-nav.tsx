"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";

export interface SectionNavItem {
  href: string;
  label: string;
  /** Current only on exactly this path (an overview whose children are separate items). */
  exact?: boolean;
}

function isCurrent(item: SectionNavItem, pathname: string): boolean {
  return item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/**
 * A navigation bar that is a menu on narrow screens: a button naming the current page opens the
 * full list, so no item hides off-screen behind a sideways scroll. Wider (from lg for `side`, from
 * md for `tab`), the items show as a side bar or as tabs.
 */
export function SectionNav({ label, items, variant }: { label: string; items: SectionNavItem[]; variant: "side" | "tab" }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const current = items.find((item) => isCurrent(item, pathname));

  const side = variant === "side";
  return (
    <nav aria-label={label} className={cn(side ? "lg:w-48 lg:shrink-0" : "mb-6 md:border-b md:border-slate-200")}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className={cn(
          "flex w-full items-center justify-between gap-2 rounded-md bg-white px-3 py-2 text-left text-sm font-medium text-slate-800 shadow-xs ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
          side ? "lg:hidden" : "md:hidden",
        )}
      >
        <span className="min-w-0 truncate">
          <span className="text-slate-500">{label}: </span>
          {current?.label ?? "Menu"}
        </span>
        <span aria-hidden className="shrink-0 text-xs text-slate-500">
          {open ? "▲" : "▼"}
        </span>
      </button>
      <ul
        id={listId}
        className={cn(
          open ? "mt-1 flex flex-col gap-0.5 rounded-md bg-white p-1 shadow-xs ring-1 ring-slate-200" : "hidden",
          side ? "lg:mt-0 lg:flex lg:flex-col lg:gap-1 lg:bg-transparent lg:p-0 lg:shadow-none lg:ring-0" : "md:mt-0 md:flex md:flex-row md:flex-wrap md:gap-x-5 md:bg-transparent md:p-0 md:shadow-none md:ring-0",
        )}
      >
        {items.map((item) => {
          const active = isCurrent(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                // A followed link folds the menu: the next page starts with it closed.
                onClick={() => setOpen(false)}
                className={cn(
                  // On a phone every item is a full-width row of the menu.
                  "block rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                  !side &&
                    cn(
                      "md:-mb-px md:whitespace-nowrap md:rounded-none md:border-b-2 md:bg-transparent md:px-1 md:pb-2.5 md:pt-1 md:hover:bg-transparent",
                      active ? "md:border-indigo-600" : "md:border-transparent md:text-slate-600 md:hover:border-slate-300",
                    ),
                  side && "lg:whitespace-nowrap",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
