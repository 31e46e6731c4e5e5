import { pageEvent } from "@/lib/tenancy/page";
import Link from "next/link";
import { appUrl } from "@/lib/env";
import { EVENT_TABS } from "@/components/events/event-tabs";
import { SectionNav } from "@/components/shell/section-nav";
import { CopyButton } from "@/components/ui/copy-button";

export default async function EventLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const event = await pageEvent(org, slug);
  const base = `/orgs/${org}/events/${event.slug}`;
  const entryUrl = `${appUrl()}/e/${event.slug}`;
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={`/orgs/${org}/events`} className="hover:text-slate-800 hover:underline">
          Events
        </Link>
        <span aria-hidden> / </span>
        <span className="text-slate-700">{event.name}</span>
      </nav>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{event.name}</h1>
        <div className="flex min-w-0 max-w-full items-center gap-2 text-sm">
          <span className="shrink-0 text-slate-500">Attendee entry</span>
          <code className="min-w-0 max-w-[22rem] truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800" title={entryUrl}>
            {entryUrl}
          </code>
          <CopyButton value={entryUrl} />
        </div>
      </div>
      <SectionNav label="Event" variant="tab" items={EVENT_TABS.map((tab) => ({ href: tab.segment ? `${base}/${tab.segment}` : base, label: tab.label, exact: tab.segment === "" }))} />
      {children}
    </div>
  );
}
