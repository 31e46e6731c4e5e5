import type { Metadata } from "next";
import { canWrite } from "@/lib/auth/roles";
import { deletionImpact } from "@/lib/events/service";
import { pageTenant, pageEvent } from "@/lib/tenancy/page";
import { EventDangerZone } from "@/components/events/event-danger-zone";
import { EventForm } from "@/components/events/event-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Event settings" };

export default async function EventSettingsPage({ params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const event = await pageEvent(org, slug);
  const writable = canWrite(ctx.actor.role);
  return (
    <div className="space-y-6">
      {!writable ? <Alert tone="info">You are a viewer in this organization: you can read these settings but not change them.</Alert> : null}
      <Card>
        <EventForm orgSlug={org} mode="edit" eventSlug={event.slug} initial={event} organizationFlags={event.organization} readOnly={!writable} />
      </Card>
      {writable ? (
        <Card title="Danger zone" className="ring-red-200">
          <EventDangerZone orgSlug={org} eventSlug={event.slug} eventName={event.name} impact={await deletionImpact(ctx, slug)} />
        </Card>
      ) : null}
    </div>
  );
}
