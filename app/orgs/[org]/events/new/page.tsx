import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canWrite } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/orgs/service";
import { pageTenant } from "@/lib/tenancy/page";
import { EventForm, NEW_EVENT_DEFAULTS } from "@/components/events/event-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await pageTenant(org);
  if (!canWrite(ctx.actor.role)) notFound();
  const organization = await getOrganization(ctx);
  return (
    <>
      <PageHeader title="New event" description="You can add signing keys and profile fields once the event exists." />
      <Card>
        <EventForm orgSlug={org} mode="create" initial={NEW_EVENT_DEFAULTS} organizationFlags={organization} />
      </Card>
    </>
  );
}
