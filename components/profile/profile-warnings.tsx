import type { ProfileWarning } from "@/lib/profile/present";
import { describeSeverityCounts } from "@/lib/severity";
import { SeverityList } from "@/components/ui/severity";

/** What a token's claims will not look like the admin expects, most serious first. */
export function ProfileWarnings({ warnings, emptyText, className }: { warnings: readonly ProfileWarning[]; emptyText: string; className?: string }) {
  return (
    <div className={className} data-testid="profile-warnings">
      <p className="sr-only" aria-live="polite">
        {warnings.length === 0 ? "No findings." : `${describeSeverityCounts(warnings)}.`}
      </p>
      <SeverityList
        items={warnings.map((w, i) => ({ level: w.level, message: w.message, code: w.code, id: `${w.code}-${w.key ?? ""}-${w.entry ?? ""}-${i}` }))}
        emptyText={emptyText}
      />
    </div>
  );
}
