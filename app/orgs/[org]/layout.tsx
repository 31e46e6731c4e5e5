import { pageTenant } from "@/lib/tenancy/page";
import { organizationsOf } from "@/lib/tenancy/membership";
import { AppHeader } from "@/components/shell/app-header";
import { SectionNav } from "@/components/shell/section-nav";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { Badge } from "@/components/ui/badge";
import { mailer } from "@/lib/mail";
import { displayTimeZoneOf } from "@/lib/accounts/preferences";
import { DisplayTimeZoneProvider } from "@/components/ui/time";

export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { user, ctx } = await pageTenant(org);
  const [organizations, timeZone] = await Promise.all([organizationsOf(user.id), displayTimeZoneOf(user.id)]);
  const base = `/orgs/${ctx.organizationSlug}`;
  return (
    <DisplayTimeZoneProvider timeZone={timeZone}>
      <AppHeader email={user.email}>
        <OrgSwitcher current={ctx.organizationSlug} organizations={organizations} />
        <Badge tone={ctx.actor.role === "viewer" ? "gray" : "indigo"}>{ctx.actor.role}</Badge>
      </AppHeader>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 lg:flex-row">
        <SectionNav
          label="Organization"
          variant="side"
          items={[
            { href: `${base}/events`, label: "Events" },
            { href: `${base}/members`, label: "Members" },
            { href: `${base}/settings`, label: "Settings" },
            { href: `${base}/api-keys`, label: "API keys" },
            { href: `${base}/api`, label: "API reference" },
            { href: `${base}/audit`, label: "Audit log" },
            ...(mailer.settings.kind === "outbox" && ctx.actor.role === "owner" ? [{ href: `${base}/outbox`, label: "Outbox" }] : []),
          ]}
        />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 outline-none">{children}</main>
      </div>
    </DisplayTimeZoneProvider>
  );
}
