import Link from "next/link";
import type { SetupStep } from "@/lib/events/setup-checklist";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/** The new event's next steps, each ticked when done and linked to the tab where it is done. */
export function SetupChecklist({ steps, doneCount, eventBase }: { steps: SetupStep[]; doneCount: number; eventBase: string }) {
  return (
    <div data-testid="setup-checklist">
      <Card title="Get this event ready" description={`${doneCount} of ${steps.length} done. Attendees can sign in once a key is active.`}>
        <ol className="space-y-3">
          {steps.map((step) => (
            <li key={step.id} data-step={step.id} data-done={step.done} className="flex gap-3">
              <span
                aria-hidden
                className={cn(
                  "mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold",
                  step.done ? "bg-emerald-600 text-white" : "bg-white text-slate-400 ring-2 ring-inset ring-slate-300",
                )}
              >
                {step.done ? "✓" : ""}
              </span>
              <div className="min-w-0 text-sm">
                <p className={cn("font-medium", step.done ? "text-slate-500" : "text-slate-900")}>
                  <span className="sr-only">{step.done ? "Done: " : "To do: "}</span>
                  {step.done ? (
                    step.title
                  ) : (
                    <Link href={`${eventBase}/${step.segment}`} className="text-indigo-700 underline hover:no-underline">
                      {step.title}
                    </Link>
                  )}
                </p>
                <p className="text-slate-600">{step.detail}</p>
              </div>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
