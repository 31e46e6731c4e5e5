import type { Metadata } from "next";
import Link from "next/link";
import { eventSummary } from "@/lib/events/service";
import { listProfileFields } from "@/lib/profile/service";
import { formatDuration } from "@/lib/format";
import { orNotFound, pageTenant } from "@/lib/tenancy/page";
import { setupChecklist } from "@/lib/events/setup-checklist";
import { SetupChecklist } from "@/components/events/setup-checklist";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";

export const metadata: Metadata = { title: "Event overview" };

function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

export default async function EventOverviewPage({ params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const [{ event, features, keys, fields, activeLinks, issuedLinks }, profileFields] = await Promise.all([orNotFound(eventSummary(ctx, slug)), orNotFound(listProfileFields(ctx, slug))]);
  const activeKeys = keys.active ?? 0;
  const checklist = setupChecklist({ keys, profileFields: fields, issuedLinks });
  const eventBase = `/orgs/${org}/events/${event.slug}`;
  return (
    <div className="space-y-6">
      {checklist.complete ? null : <SetupChecklist steps={checklist.steps} doneCount={checklist.doneCount} eventBase={eventBase} />}
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Active keys" value={activeKeys} hint={`${keys.standby ?? 0} standby · ${keys.retired ?? 0} retired · ${keys.revoked ?? 0} revoked`} />
        <Stat
          label="Profile fields"
          value={fields}
          hint={
            <Link href={`/orgs/${org}/events/${event.slug}/fields`} className="hover:text-slate-800 hover:underline">
              {profileFields.length ? profileFields.map((f) => f.key).join(", ") : "None: tiles show only names"}
            </Link>
          }
        />
        <Stat
          label="Active test links"
          value={activeLinks}
          hint={
            <Link href={`${eventBase}/links`} className="hover:text-slate-800 hover:underline">
              {issuedLinks ? `Can still sign someone in (${issuedLinks} issued in all)` : "None issued yet"}
            </Link>
          }
        />
        <Stat label="Token lifetime" value={formatDuration(event.oneOffLifetimeSeconds)} hint={`Long-lived up to ${formatDuration(event.longLivedMaxSeconds)}`} />
      </dl>
      <Card title="Details">
        <dl className="divide-y divide-slate-100">
          <Row label="Slug">
            <code className="font-mono text-xs">{event.slug}</code>
          </Row>
          <Row label="Starts">
            <Time value={event.startsAt} />
          </Row>
          <Row label="Ends">
            <Time value={event.endsAt} />
          </Row>
          <Row label="Contact for attendees">{event.contact}</Row>
          <Row label="Transcription">
            {features.effective.transcription ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
            {!features.organization.transcription && features.event.transcription ? <span className="ml-2 text-xs text-amber-700">On for the event, off for the organization</span> : null}
          </Row>
          <Row label="Interpretation">
            {features.effective.interpretation ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
            {!features.organization.interpretation && features.event.interpretation ? <span className="ml-2 text-xs text-amber-700">On for the event, off for the organization</span> : null}
          </Row>
          <Row label="Clock-skew leeway">{formatDuration(event.leewaySeconds)}</Row>
          <Row label="Expiry required">{event.requireExp ? "Yes" : <Badge tone="amber">No: tokens without exp are accepted</Badge>}</Row>
          <Row label="Tokens issued before">
            {event.rejectTokensIssuedBefore ? (
              <>
                <Time value={event.rejectTokensIssuedBefore} /> are refused
              </>
            ) : (
              "No cut-off"
            )}
          </Row>
        </dl>
      </Card>
    </div>
  );
}
