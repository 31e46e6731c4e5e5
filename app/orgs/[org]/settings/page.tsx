import type { Metadata } from "next";
import { canWrite } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/orgs/service";
import { pageTenant } from "@/lib/tenancy/page";
import { OrganizationSettingsForm } from "@/components/orgs/organization-settings-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Organization settings" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await pageTenant(org);
  const organization = await getOrganization(ctx);
  const writable = canWrite(ctx.actor.role);
  return (
    <div className="space-y-6">
      <PageHeader title="Organization settings" />
      {!writable ? <Alert tone="info">You are a viewer: you can read these settings but not change them.</Alert> : null}
      <Card>
        <OrganizationSettingsForm orgSlug={org} initial={organization} readOnly={!writable} isOwner={ctx.actor.role === "owner"} />
      </Card>
    </div>
  );
}
