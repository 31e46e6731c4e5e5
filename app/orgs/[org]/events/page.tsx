import type { Metadata } from "next";
import { canWrite } from "@/lib/auth/roles";
import { EVENT_SORTS } from "@/lib/events/schema";
import { listEvents } from "@/lib/events/service";
import { parseListParams, tablePage, type SearchParams } from "@/lib/tables/list-params";
import { pageTenant } from "@/lib/tenancy/page";
import { liveEvents } from "@/lib/activity/queries";
import { LiveEvents } from "@/components/activity/live-events";
import { EventsTable } from "@/components/events/events-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org } = await params;
  const { ctx } = await pageTenant(org);
  const list = parseListParams(await searchParams, { sortable: EVENT_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const [result, live] = await Promise.all([listEvents(ctx, list), liveEvents(ctx, new Date())]);
  return (
    <>
      <PageHeader
        title="Events"
        description="Each event has its own keys, profile fields, token policy and attendee entry at /e/{slug}."
        actions={canWrite(ctx.actor.role) ? <ButtonLink href={`/orgs/${org}/events/new`}>New event</ButtonLink> : null}
      />
      <LiveEvents orgSlug={org} events={live} />
      <EventsTable
        orgSlug={org}
        page={tablePage(result, list, (r) => ({
          id: r.id,
          slug: r.slug,
          name: r.name,
          startsAt: r.startsAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
          activeKeys: r.activeKeys,
          profileFields: r.profileFields,
        }))}
      />
    </>
  );
}
