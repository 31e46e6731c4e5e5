import type { Metadata } from "next";
import { canWrite } from "@/lib/auth/roles";
import { LINK_FILTERS, LINK_SORTS } from "@/lib/links/schema";
import { countActiveLinks, linkIssuers, linkIssuingContext, listIssuedLinks } from "@/lib/links/service";
import { parseListParams, tablePage, type SearchParams } from "@/lib/tables/list-params";
import { orNotFound, pageTenant } from "@/lib/tenancy/page";
import { IssueLinkPanel } from "@/components/links/issue-link-panel";
import { mailer, MAIL_UNAVAILABLE_MESSAGE } from "@/lib/mail";
import { LinksTable } from "@/components/links/links-table";
import { RevokeAllLinksButton } from "@/components/links/revoke-buttons";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Test links" };

export default async function TestLinksPage({ params, searchParams }: { params: Promise<{ org: string; event: string }>; searchParams: Promise<SearchParams> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const now = new Date();
  const issuing = await orNotFound(linkIssuingContext(ctx, slug));
  const list = parseListParams(await searchParams, { sortable: LINK_SORTS, defaultSort: "issuedAt", defaultDir: "desc", filters: LINK_FILTERS });
  const [result, issuers, activeCount] = await Promise.all([listIssuedLinks(ctx, slug, list, now), linkIssuers(ctx, slug), countActiveLinks(ctx, slug, now)]);
  const writable = canWrite(ctx.actor.role);

  return (
    <div className="space-y-6">
      {writable ? (
        <IssueLinkPanel
          orgSlug={org}
          eventSlug={issuing.event.slug}
          mail={{ orgSlug: org, eventSlug: issuing.event.slug, available: mailer.canSend, unavailableMessage: MAIL_UNAVAILABLE_MESSAGE }}
          fields={issuing.fields.map((f) => ({ key: f.key, label: f.label, kind: f.kind }))}
          policy={{ ...issuing.policy, rejectTokensIssuedBefore: issuing.policy.rejectTokensIssuedBefore?.toISOString() ?? null }}
          features={issuing.features}
          organizationFeatures={issuing.organizationFeatures}
          eventFeatures={issuing.eventFeatures}
          activeKeys={issuing.activeKeys.map((k) => ({ id: k.id, kid: k.kid, shortKid: k.shortKid, label: k.label, keepsPrivateKey: k.keepsPrivateKey }))}
          entryBaseUrl={issuing.entryBaseUrl}
          serverNow={now.getTime()}
        />
      ) : (
        <Alert tone="info">You are a viewer in this organization: you can see the issued links but not issue or revoke them.</Alert>
      )}

      <Card
        title="Issued links"
        description="Every test link of this event: who it signs in, whether it still works, and how often it was used. Tokens are never stored, only their fingerprints."
        actions={writable ? <RevokeAllLinksButton orgSlug={org} eventSlug={issuing.event.slug} activeCount={activeCount} /> : null}
      >
        <LinksTable
          orgSlug={org}
          eventSlug={issuing.event.slug}
          writable={writable}
          now={now.toISOString()}
          issuers={issuers}
          page={tablePage(result, list, (r) => ({
            id: r.id,
            displayName: r.displayName,
            email: r.email,
            roles: r.roles,
            kind: r.kind,
            status: r.status,
            kid: r.kid,
            signedIn: r.signedIn,
            issuedAt: r.issuedAt.toISOString(),
            expiresAt: r.expiresAt.toISOString(),
            issuedByLabel: r.issuedByLabel,
            revokedAt: r.revokedAt?.toISOString() ?? null,
            revokedByLabel: r.revokedByLabel,
            usedAt: r.usedAt?.toISOString() ?? null,
            redemptions: r.redemptions,
            lastRedeemedAt: r.lastRedeemedAt?.toISOString() ?? null,
          }))}
        />
      </Card>
    </div>
  );
}
