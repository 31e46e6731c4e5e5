import { cn } from "./cn";

/** A grey placeholder block for content that is loading; it pulses only for those who allow motion. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("rounded-md bg-slate-200 motion-safe:animate-pulse", className)} />;
}

/** A loading page: announced once to screen readers, drawn as the shapes of what is coming. */
export function PageSkeleton({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6" data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** The shape of a server data table: a toolbar and a few rows. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-9 w-full sm:w-72" />
        <Skeleton className="h-9 w-28" />
        <Skeleton className="h-9 w-28" />
      </div>
      <div className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 px-4 py-3">
            <Skeleton className="h-4 w-1/4" />
            <Skeleton className="h-4 w-1/6" />
            <Skeleton className="hidden h-4 w-1/5 sm:block" />
            <Skeleton className="ml-auto h-4 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** The shape of a card with a title and a few lines. */
export function CardSkeleton({ lines = 3, className }: { lines?: number; className?: string }) {
  return (
    <div className={cn("space-y-3 rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200", className)}>
      <Skeleton className="h-5 w-1/3" />
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className={cn("h-4", i % 2 ? "w-2/3" : "w-5/6")} />
      ))}
    </div>
  );
}
