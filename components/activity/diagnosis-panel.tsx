import type { Finding } from "@/lib/activity/diagnosis";
import { DIAGNOSIS_THRESHOLDS } from "@/lib/activity/diagnosis";
import { cn } from "@/components/ui/cn";

/** The diagnosis in words: what is wrong with the last 15 minutes of sign-ins, and what to do. */
export function DiagnosisPanel({ findings }: { findings: Finding[] }) {
  return (
    <section aria-labelledby="diagnosis-heading" className="rounded-lg bg-white shadow-xs ring-1 ring-slate-200" data-testid="diagnosis">
      <header className="border-b border-slate-200 px-5 py-3">
        <h2 id="diagnosis-heading" className="text-base font-semibold text-slate-900">
          Diagnosis
        </h2>
        <p className="text-xs text-slate-600">From the last {DIAGNOSIS_THRESHOLDS.windowMinutes} minutes of attempts, whatever window is shown below.</p>
      </header>
      {findings.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-700">Nothing stands out: sign-ins look healthy.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {findings.map((f, i) => (
            <li key={`${f.code}-${i}`} className="flex gap-3 px-5 py-4" data-finding={f.code}>
              <span
                aria-hidden
                className={cn("mt-1.5 size-2.5 shrink-0 rounded-full", f.severity === "problem" ? "bg-red-500" : "bg-amber-500")}
              />
              <div className="min-w-0 space-y-1 text-sm">
                <p className="font-medium text-slate-900">
                  <span className="sr-only">{f.severity === "problem" ? "Problem: " : "Warning: "}</span>
                  {f.message}
                </p>
                <p className="text-slate-700">
                  <span className="font-semibold">What to do: </span>
                  {f.advice}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
