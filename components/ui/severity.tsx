import type { ReactNode } from "react";
import { bySeverity, describeSeverityCounts, worstSeverity, type Severity } from "@/lib/severity";
import { cn } from "./cn";

/** The one look of each severity (lib/severity.ts): icon, label for screen readers, colours. */
export const SEVERITY_LOOK: Record<Severity, { icon: string; label: string; badge: string; panel: string; chip: string }> = {
  error: { icon: "✕", label: "Error", badge: "bg-red-100 text-red-800", panel: "bg-red-50 text-red-900 ring-red-300", chip: "bg-red-50 text-red-800 ring-red-300" },
  warning: { icon: "!", label: "Warning", badge: "bg-amber-100 text-amber-900", panel: "bg-amber-50 text-amber-900 ring-amber-300", chip: "bg-amber-50 text-amber-900 ring-amber-300" },
  info: { icon: "i", label: "Info", badge: "bg-sky-100 text-sky-800", panel: "bg-sky-50 text-sky-900 ring-sky-200", chip: "bg-sky-50 text-sky-800 ring-sky-200" },
};

export function SeverityIcon({ severity, className }: { severity: Severity; className?: string }) {
  const look = SEVERITY_LOOK[severity];
  return (
    <span aria-hidden className={cn("inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold", look.badge, className)}>
      {look.icon}
    </span>
  );
}

export interface SeverityItem {
  level: Severity;
  message: ReactNode;
  /** Stable React key. */
  id: string;
  /** A machine code (data-code) tests and tools can find the item by. */
  code?: string;
}

/** A list of findings, most serious first, each with its icon; `emptyText` (with a tick) when there are none. */
export function SeverityList({ items, emptyText, className, testId }: { items: readonly SeverityItem[]; emptyText: string; className?: string; testId?: string }) {
  if (items.length === 0) {
    return (
      <p className={cn("flex items-center gap-2 text-sm text-emerald-800", className)} data-testid={testId}>
        <span aria-hidden className="inline-flex size-5 items-center justify-center rounded-full bg-emerald-100 text-xs font-bold">
          ✓
        </span>
        {emptyText}
      </p>
    );
  }
  return (
    <ul className={cn("space-y-2", className)} data-testid={testId}>
      {bySeverity(items).map((item) => (
        <li key={item.id} data-level={item.level} data-code={item.code} className="flex gap-2.5 text-sm text-slate-800">
          <SeverityIcon severity={item.level} className="mt-0.5" />
          <span className="min-w-0 break-words">
            <span className="sr-only">{SEVERITY_LOOK[item.level].label}: </span>
            {item.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "1 error, 2 warnings and 1 note" as a chip in the colour of the worst; `noneText` in green when empty. */
export function SeveritySummary({ items, noneText, href, className, testId }: { items: ReadonlyArray<{ level: Severity }>; noneText: string; href?: string; className?: string; testId?: string }) {
  const worst = worstSeverity(items);
  const classes = cn(
    "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
    worst ? SEVERITY_LOOK[worst].chip : "bg-emerald-50 text-emerald-800 ring-emerald-200",
    href && "hover:underline",
    className,
  );
  const text = worst ? describeSeverityCounts(items) : noneText;
  return href ? (
    <a href={href} className={classes} data-testid={testId}>
      {text}
      {worst ? <span aria-hidden>↓</span> : null}
    </a>
  ) : (
    <span className={classes} data-testid={testId}>
      {text}
    </span>
  );
}
