import type { Metadata } from "next";
import { assignableRoles, canWrite, parseOrgRole } from "@/lib/auth/roles";
import { appUrl } from "@/lib/env";
import { mailer } from "@/lib/mail";
import { Time } from "@/components/ui/time";
import { listMembers, listPendingInvitations } from "@/lib/members/service";
import { pageTenant } from "@/lib/tenancy/page";
import { CancelInvitationButton } from "@/components/members/cancel-invitation-button";
import { InviteForm } from "@/components/members/invite-form";
import { MemberRowActions } from "@/components/members/member-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { TwoFactorStatus } from "@/components/members/two-factor-status";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { user, ctx } = await pageTenant(org);
  const [members, invitations] = await Promise.all([listMembers(ctx), listPendingInvitations(ctx)]);
  const writable = canWrite(ctx.actor.role);
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <div className="space-y-6">
      <PageHeader title="Members" description="Owners and admins manage events, keys and links; viewers read everything and change nothing. An organization always keeps at least one owner." />
      {writable ? (
        <Card title="Invite a member">
          <InviteForm orgSlug={org} actorRole={ctx.actor.role} origin={appUrl()} />
        </Card>
      ) : null}
      <Card title={`${members.length} member${members.length === 1 ? "" : "s"}`}>
        <ul className="-my-2 divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="member-row">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {m.user.name} {m.user.id === user.id ? <span className="text-xs font-normal text-slate-500">(you)</span> : null}
                </p>
                <p className="truncate text-sm text-slate-600">{m.user.email}</p>
                <p className="text-xs text-slate-500">Joined <Time value={m.createdAt} /></p>
                {ctx.actor.role === "owner" ? <TwoFactorStatus status={m.twoFactor} /> : null}
              </div>
              <div className="flex items-center gap-3">
                {assignableRoles(ctx.actor.role).includes(m.role) ? null : (
                  <Badge tone={m.role === "owner" ? "indigo" : m.role === "admin" ? "blue" : "gray"}>{m.role}</Badge>
                )}
                {m.role === "owner" && owners === 1 ? <span className="text-xs text-slate-500">last owner</span> : null}
                <MemberRowActions orgSlug={org} memberId={m.id} email={m.user.email} role={m.role} actorRole={ctx.actor.role} isSelf={m.user.id === user.id} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {invitations.length > 0 ? (
        <Card
          title="Pending invitations"
          description={
            mailer.canSend
              ? "Each invitee got the link by email; you can also copy it and hand it over. Each works once, for its email address only."
              : "This server sends no email (no SMTP_URL): copy a link and hand it over. Each works once, for its email address only."
          }
        >
          <ul className="-my-2 divide-y divide-slate-100">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium text-slate-900">{i.email}</p>
                  <p className="text-xs text-slate-500">
                    {parseOrgRole(i.role)} · invited by {i.user.email} · expires <Time value={i.expiresAt} />
                  </p>
                </div>
                {writable ? (
                  <div className="flex items-center gap-2">
                    <CopyButton value={`${appUrl()}/invite/${i.id}`} label="Copy link" />
                    <CancelInvitationButton orgSlug={org} invitationId={i.id} email={i.email} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
