import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { loadEntryEvent } from "@/lib/entry/event-config";
import { PROBLEM_HEADER, decodeProblem } from "@/lib/entry/problem";
import { explainFailure } from "@/lib/tokens/reasons";
import { AttendeeShell, ContactLine } from "@/components/attendee/attendee-shell";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

/**
 * Rendered only through the entry (proxy.ts), which sets the 4xx status and hands the reason over in
 * a request header; opened directly, there is nothing to explain.
 */
export default async function EntryProblemPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const failure = decodeProblem((await headers()).get(PROBLEM_HEADER));
  if (!failure) notFound();
  const event = failure.reason === "event_not_found" ? null : await loadEntryEvent(slug).catch(() => null);
  const explained = explainFailure(failure, new Date());
  return (
    <AttendeeShell eventName={event?.name}>
      <div className="space-y-4 rounded-xl bg-white p-6 shadow-xs ring-1 ring-slate-200" role="alert" aria-live="polite">
        <p className="text-xs font-semibold uppercase tracking-wide text-red-700">Could not sign you in</p>
        <h1 className="text-xl font-semibold text-slate-900">{explained.title}</h1>
        <p className="text-slate-800" data-testid="problem-explanation">
          {explained.explanation}
        </p>
        <p className="text-slate-700">{explained.action}</p>
        <ContactLine contact={event?.contact} />
        <p className="border-t border-slate-100 pt-3 text-xs text-slate-500">
          Reason code for the organizer: <code className="rounded bg-slate-100 px-1 font-mono text-slate-700" data-testid="reason-code">{explained.code}</code>
        </p>
      </div>
    </AttendeeShell>
  );
}
