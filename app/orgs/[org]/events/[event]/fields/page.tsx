import type { Metadata } from "next";
import { canWrite } from "@/lib/auth/roles";
import { listProfileFields } from "@/lib/profile/service";
import { orNotFound, pageTenant } from "@/lib/tenancy/page";
import { ProfileFieldsWorkspace } from "@/components/profile/fields-workspace";

export const metadata: Metadata = { title: "Profile fields" };

export default async function ProfileFieldsPage({ params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const fields = await orNotFound(listProfileFields(ctx, slug));
  return <ProfileFieldsWorkspace orgSlug={org} eventSlug={slug} fields={fields} readOnly={!canWrite(ctx.actor.role)} />;
}
