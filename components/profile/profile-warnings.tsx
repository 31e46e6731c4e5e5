import type { ProfileWarning } from "@/lib/profile/present";
import { cn } from "@/components/ui/cn";

const LEVELS: Record<ProfileWarning["level"], { icon: string; label: string; tone: string }> = {
  error: { icon: "✕", label: "Problem", tone: "bg-red-100 text-red-800" },
  warning: { icon: "!", label: "Warning", tone: "bg-amber-100 text-amber-800" },
  info: { icon: "i", label: "Note", tone: "bg-sky-100 text-sky-800" },
};
const ORDER: Record<ProfileWarning["level"], number> = { error: 0, warning: 1, info: 2 };

/** What a token's claims will not look like the admin expects, most serious first. */
export function ProfileWarnings({ warnings, emptyText, className }: { warnings: readonly ProfileWarning[]; emptyText: string; className?: string }) {
  const sorted = [...warnings].sort((a, b) => ORDER[a.level] - ORDER[b.level]);
  const problems = warnings.filter((w) => w.level !== "info").length;
  return (
    <div className={className} data-testid="profile-warnings">
      <p className="sr-only" aria-live="polite">
        {warnings.length === 0 ? "No warnings." : `${warnings.length} ${warnings.length === 1 ? "note" : "notes"}, ${problems} of them ${problems === 1 ? "a warning" : "warnings"}.`}
      </p>
      {sorted.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-emerald-800">
          <span aria-hidden className="inline-flex size-5 items-center justify-center rounded-full bg-emerald-100 text-xs font-bold">✓</span>
          {emptyText}
        </p>
      ) : (
        <ul className="space-y-2">
          {sorted.map((w, i) => {
            const level = LEVELS[w.level];
            return (
              <li key={`${w.code}-${w.key ?? ""}-${w.entry ?? ""}-${i}`} data-code={w.code} className="flex gap-2.5 text-sm text-slate-800">
                <span aria-hidden className={cn("mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold", level.tone)}>
                  {level.icon}
                </span>
                <span className="min-w-0 break-words">
                  <span className="sr-only">{level.label}: </span>
                  {w.message}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
