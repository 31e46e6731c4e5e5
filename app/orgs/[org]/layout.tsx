import { pageTenant } from "@/lib/tenancy/page";
import { organizationsOf } from "@/lib/tenancy/membership";
import { AppHeader } from "@/components/shell/app-header";
import { NavLink } from "@/components/shell/nav-link";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { Badge } from "@/components/ui/badge";
import { mailer } from "@/lib/mail";

export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { user, ctx } = await pageTenant(org);
  const organizations = await organizationsOf(user.id);
  const base = `/orgs/${ctx.organizationSlug}`;
  return (
    <>
      <AppHeader email={user.email}>
        <OrgSwitcher current={ctx.organizationSlug} organizations={organizations} />
        <Badge tone={ctx.actor.role === "viewer" ? "gray" : "indigo"}>{ctx.actor.role}</Badge>
      </AppHeader>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 lg:flex-row">
        <nav aria-label="Organization" className="flex gap-1 overflow-x-auto lg:w-48 lg:shrink-0 lg:flex-col">
          <NavLink href={`${base}/events`}>Events</NavLink>
          <NavLink href={`${base}/members`}>Members</NavLink>
          <NavLink href={`${base}/settings`}>Settings</NavLink>
          <NavLink href={`${base}/api-keys`}>API keys</NavLink>
          <NavLink href={`${base}/api`}>API reference</NavLink>
          <NavLink href={`${base}/audit`}>Audit log</NavLink>
          {mailer.settings.kind === "outbox" && ctx.actor.role === "owner" ? <NavLink href={`${base}/outbox`}>Outbox</NavLink> : null}
        </nav>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </>
  );
}
