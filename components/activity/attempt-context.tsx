import type { ReactNode } from "react";
import Link from "next/link";
import { OUTCOME_LABELS, SOURCE_LABELS } from "@/lib/activity/attempt";
import { keyName } from "@/lib/activity/labels";
import { explainAttempt } from "@/lib/activity/present";
import type { AttemptView } from "@/lib/activity/attempt";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";

/** The debugger's context when opened from a row of the Activity tab. */
export function AttemptContext({ attempt, activityHref, keyLabel, now }: { attempt: AttemptView; activityHref: string; keyLabel: string | null; now: Date }) {
  const explained = explainAttempt(attempt, now);
  const facts: Array<[string, ReactNode]> = [
    ["When", <Time key="when" value={attempt.at} />],
    ["Outcome", `${OUTCOME_LABELS[attempt.outcome]}${attempt.reason ? ` (${attempt.reason})` : ""}`],
    ["Attendee", attempt.displayName ? `${attempt.displayName}${attempt.email ? ` <${attempt.email}>` : ""}` : "Not shown: the signature did not verify"],
    ["Key", attempt.kid ? keyName({ kid: attempt.kid, label: keyLabel }) : "none named"],
    ["Source", attempt.source ? SOURCE_LABELS[attempt.source] : "unknown (the token did not verify)"],
    ["jti", attempt.jti ?? "—"],
    ["Network · browser", `${attempt.network ?? "—"} · ${attempt.browser ?? "—"}`],
  ];
  return (
    <Card
      title="The attempt you opened"
      description="The token itself is never stored. Paste it below (from the attendee, or the platform's own logs) to see every check; here is what the entry recorded."
      actions={
        <Link href={activityHref} className="text-sm font-medium text-indigo-700 hover:underline">
          Back to activity
        </Link>
      }
    >
      <div className="grid gap-4 md:grid-cols-2">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="attempt-context">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-slate-600">{term}</dt>
              <dd className="min-w-0 break-words font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        {explained ? (
          <div className="space-y-2 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
            <p className="font-semibold text-slate-900">{explained.title}</p>
            <p className="text-slate-800">{explained.explanation}</p>
            <p className="text-slate-700">
              <span className="font-semibold">What to do: </span>
              {explained.advice}
            </p>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
