import type { Metadata } from "next";
import { canWrite } from "@/lib/auth/roles";
import { diagnoseEvent } from "@/lib/activity/diagnose-event";
import { explainAttempt, presentAttempt } from "@/lib/activity/present";
import { activitySummary, eventKeys, listAttempts } from "@/lib/activity/queries";
import { openSessionGroups, openSessionIds } from "@/lib/activity/sessions";
import { parseAttemptFilters } from "@/lib/activity/page-params";
import { resolveWindow } from "@/lib/activity/window";
import { percent } from "@/lib/activity/labels";
import { parseListParams, type SearchParams } from "@/lib/tables/list-params";
import { pageTenant, pageEvent } from "@/lib/tenancy/page";
import { AttemptsTable } from "@/components/activity/attempts-table";
import { KeyShareChart, ReasonsChart, SignInsChart } from "@/components/activity/charts";
import { DiagnosisPanel } from "@/components/activity/diagnosis-panel";
import { EndSessionsPanel } from "@/components/activity/end-sessions-panel";
import { LiveControls } from "@/components/activity/live-controls";
import { Card } from "@/components/ui/card";
import type { ReasonCode } from "@/lib/tokens/reasons";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ org: string; event: string }>; searchParams: Promise<SearchParams> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const query = await searchParams;
  const now = new Date();
  const event = await pageEvent(org, slug);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const window = resolveWindow({ window: first(query.window), from: first(query.from), to: first(query.to) }, event, now);
  const list = parseListParams(query, { sortable: ["at"] as const, defaultSort: "at", defaultDir: "desc" });
  const filters = parseAttemptFilters(query);
  const writable = canWrite(ctx.actor.role);

  const [summary, findings, attempts, keys, groups] = await Promise.all([
    activitySummary(event.id, window, now),
    diagnoseEvent(event.id, now),
    listAttempts(event.id, filters, window, list),
    eventKeys(event.id),
    writable ? openSessionGroups(event.id, now) : null,
  ]);
  const openSessions = await openSessionIds(event.id, attempts.rows.flatMap((a) => (a.sessionId ? [a.sessionId] : [])), now);
  const labelOf = new Map(keys.map((k) => [k.kid, k.label]));
  const reasons = (Object.keys(summary.byReason) as ReasonCode[]).sort((a, b) => (summary.byReason[b] ?? 0) - (summary.byReason[a] ?? 0));
  const exportQuery = new URLSearchParams({ from: window.from.toISOString(), to: window.to.toISOString(), ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) });
  const t = summary.totals;

  return (
    <div className="space-y-6">
      <LiveControls windowName={window.name} from={window.from.toISOString()} to={window.to.toISOString()} renderedAt={now.toISOString()} hasEventWindow={Boolean(event.startsAt)} />

      <section aria-label="Totals" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {[
          { label: "Signed in", value: t.signedIn.toLocaleString("en-US"), id: "signed-in" },
          { label: "Distinct attendees", value: t.attendees.toLocaleString("en-US"), id: "attendees" },
          { label: "Refused", value: t.refused.toLocaleString("en-US"), id: "refused" },
          { label: "Refusal rate", value: t.signedIn + t.refused ? percent(t.refusalRate) : "—", id: "refusal-rate" },
          { label: "In the event now", value: t.inEventNow.toLocaleString("en-US"), id: "in-event" },
        ].map((stat) => (
          <div key={stat.id} className="rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200">
            <p className="text-xs font-medium text-slate-600">{stat.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`total-${stat.id}`}>
              {stat.value}
            </p>
          </div>
        ))}
      </section>

      <DiagnosisPanel findings={findings} />

      <Card title="Charts" description={`${window.label}: ${window.from.toISOString().slice(0, 16).replace("T", " ")} to ${window.to.toISOString().slice(11, 16)} UTC.`}>
        <div className="grid gap-8 lg:grid-cols-2">
          <div className="lg:col-span-2">
            <SignInsChart buckets={summary.buckets} bucket={summary.bucket} reasons={reasons} />
          </div>
          <KeyShareChart buckets={summary.buckets} bucket={summary.bucket} keys={summary.byKey} />
          <ReasonsChart byReason={summary.byReason} />
        </div>
      </Card>

      {groups ? (
        <Card title="End live sessions" description="Attendees stay in after a link or key is revoked until their session ends. End them here.">
          <EndSessionsPanel orgSlug={org} eventSlug={event.slug} groups={groups} />
        </Card>
      ) : null}

      <Card title="Attempts" description="Every attempt at the entry in this window, newest first. A refused token's name and email are never shown: an unverified token says whatever its sender wants.">
        <AttemptsTable
          orgSlug={org}
          eventSlug={event.slug}
          writable={writable}
          keys={keys.map((k) => ({ kid: k.kid, label: k.label }))}
          exportHref={`/orgs/${org}/events/${event.slug}/activity/export?${exportQuery.toString()}`}
          page={{
            ...attempts,
            sort: "at",
            dir: "desc",
            rows: attempts.rows.map((a) => ({
              ...presentAttempt(a, now),
              title: explainAttempt(a, now)?.title ?? null,
              keyLabel: a.kid ? (labelOf.get(a.kid) ?? null) : null,
              sessionOpen: Boolean(a.sessionId && openSessions.has(a.sessionId)),
            })),
          }}
        />
      </Card>
    </div>
  );
}
