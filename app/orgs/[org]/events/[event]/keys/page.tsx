import type { Metadata } from "next";
import { canWrite } from "@/lib/auth/roles";
import { appUrl } from "@/lib/env";
import { FINGERPRINT_COMMAND } from "@/lib/keys/identity";
import { jwksPath } from "@/lib/keys/jwks";
import type { KeyStatus } from "@/lib/keys/lifecycle";
import { longestLifetimeText, revocationNote, usageText } from "@/lib/keys/presentation";
import { nextRotationStep, overlapOverrun } from "@/lib/keys/rotation";
import { listEventKeys } from "@/lib/keys/service";
import { keyActivityLastHour } from "@/lib/keys/sign-in-activity";
import { relativeTo } from "@/lib/format";
import { Time } from "@/components/ui/time";
import { JwksUrlForm } from "@/components/keys/jwks-url-form";
import { orNotFound, pageTenant } from "@/lib/tenancy/page";
import { AddKeyButtons, AddKeyDialogs } from "@/components/keys/add-key-dialogs";
import { KeyCard, type KeyCardContext } from "@/components/keys/key-card";
import { RotationGuide } from "@/components/keys/rotation-guide";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

export const metadata: Metadata = { title: "Signing keys" };

const GROUPS: Array<{ status: KeyStatus; title: string; description: string; showEmpty?: boolean }> = [
  {
    status: "active",
    title: "Active",
    description: "Tokens signed with these keys are accepted. Your platform signs with one of them.",
    showEmpty: true,
  },
  { status: "standby", title: "Standby", description: "Added, not yet in use: tokens signed with them are refused until you activate them." },
  {
    status: "retired",
    title: "Retired",
    description: "Still verify the tokens they signed, so rotation turns nobody away. Your platform should no longer sign with them. Revoke them when safe.",
  },
  { status: "revoked", title: "Revoked", description: "Tokens signed with them are refused (reason key_revoked). Kept for the record; a revoked key never comes back." },
];

export default async function EventKeysPage({ params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const now = new Date();
  const { event, policy, keys: allKeys, health, jwksSource } = await orNotFound(listEventKeys(ctx, slug, now));
  // Keys the dashboard owns rotate here; keys from the JWKS URL are the host's and have their own group.
  const keys = allKeys.filter((k) => k.source !== "jwks_url");
  const urlKeys = allKeys.filter((k) => k.source === "jwks_url");
  const activity = await keyActivityLastHour(event.id, allKeys, now);
  const step = nextRotationStep(keys, activity);
  const writable = canWrite(ctx.actor.role);
  const context: KeyCardContext = {
    orgSlug: org,
    eventSlug: event.slug,
    writable,
    activeCount: keys.filter((k) => k.status === "active").length,
    longestLifetime: longestLifetimeText(policy),
  };
  const notes = new Map(keys.map((k) => [k.id, revocationNote(k, policy, now)]));
  const jwksUrl = `${appUrl()}${jwksPath(event.slug)}`;

  const page = (
    <div className="space-y-6">
      {health.noActiveKey ? (
        <Alert tone="danger" title="No active signing key: no attendee can sign in">
          Every attendee token is checked against this event&apos;s keys, and there is no active one.{" "}
          {writable ? "Generate a key or paste your platform's public key below, and activate it." : "Ask an owner or admin to add and activate a key."}
        </Alert>
      ) : null}
      {!writable ? <Alert tone="info">You are a viewer in this organization: you can see the keys but not add, rotate or revoke them.</Alert> : null}

      <Card
        title="Signing keys"
        description="Your platform signs each attendee's token (RS256) with a private key; the entry accepts it if it verifies against an active or retired public key here."
        actions={
          // When the Next box offers to add a key, its buttons are the only ones: one place to act.
          writable && !["first", "add_and_activate", "idle"].includes(step.kind) ? (
            <AddKeyButtons />
          ) : null
        }
      >
        <RotationGuide
          step={step}
          keys={keys}
          notes={notes}
          activity={activity}
          overrun={overlapOverrun(keys, now)}
          context={context}
          now={now}
        />
      </Card>

      {GROUPS.map((group) => {
        const members = keys.filter((k) => k.status === group.status);
        if (members.length === 0 && !(group.showEmpty && urlKeys.length === 0)) return null;
        return (
          <Card key={group.status} title={`${group.title} (${members.length})`} description={group.description}>
            <div data-testid={`key-group-${group.status}`}>
              {members.length === 0 ? (
                <p className="text-sm text-slate-600">No active key.</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {members.map((k) => (
                    <KeyCard key={k.id} keyView={k} usage={usageText(k, now)} note={notes.get(k.id) ?? null} context={context} activity={activity.get(k.id)} />
                  ))}
                </ul>
              )}
            </div>
          </Card>
        );
      })}

      <Card
        title={`Keys from your JWKS URL (${urlKeys.filter((k) => k.status === "active").length})`}
        description="Instead of pasting keys, or besides, follow the URL where your platform publishes its JWKS (Auth0, Okta, Supabase, Clerk, a KMS…). Its keys verify tokens next to the keys above, and your platform rotates them there: a new key verifies from the next refresh, a withdrawn one stops."
      >
        <div className="space-y-4 text-sm" data-testid="jwks-url-group">
          {writable ? <JwksUrlForm orgSlug={org} eventSlug={event.slug} currentUrl={jwksSource?.url ?? null} /> : null}
          {jwksSource ? (
            <div className="space-y-2">
              {!writable ? (
                <p>
                  Following <code className="break-all font-mono text-xs">{jwksSource.url}</code>
                </p>
              ) : null}
              <p className="text-slate-700" data-testid="jwks-fetch-status">
                Last good fetch:{" "}
                {jwksSource.lastSuccessAt ? (
                  <>
                    <Time value={jwksSource.lastSuccessAt} /> ({relativeTo(jwksSource.lastSuccessAt, now)})
                  </>
                ) : (
                  "never"
                )}
                . Next refresh <Time value={jwksSource.nextFetchAt} />, or at once when a token names a kid this event does not know (at most every 30 s).
              </p>
              {jwksSource.lastError ? (
                <Alert tone="danger" title={jwksSource.expired ? "The JWKS URL has failed for more than 24 hours: its keys no longer verify" : "The last fetch failed"}>
                  {jwksSource.lastError}{" "}
                  {jwksSource.expired
                    ? "Fix the URL or your platform's endpoint; its keys verify again after the next good fetch."
                    : (
                      <>
                        The keys of the last good fetch keep verifying until <Time value={jwksSource.lastGoodVerifiesUntil} />.
                      </>
                    )}
                </Alert>
              ) : null}
              {jwksSource.refused.length > 0 ? (
                <Alert tone="warning" title={`${jwksSource.refused.length} key${jwksSource.refused.length === 1 ? "" : "s"} of the JWKS skipped`}>
                  <ul className="list-disc space-y-1 pl-5">
                    {jwksSource.refused.map((r) => (
                      <li key={`${r.kid}-${r.reason}`}>
                        <code className="font-mono text-xs">{r.kid}</code>: {r.message}
                      </li>
                    ))}
                  </ul>
                </Alert>
              ) : null}
              {urlKeys.length > 0 ? (
                <ul className="divide-y divide-slate-100">
                  {urlKeys.map((k) => (
                    <KeyCard key={k.id} keyView={k} usage={usageText(k, now)} note={null} context={context} activity={activity.get(k.id)} />
                  ))}
                </ul>
              ) : null}
              <p className="text-xs text-slate-500">
                The dashboard does not own these keys, so it offers no retire or revoke: remove a key from your JWKS (it stops verifying after the next refresh, audited), or
                stop following the URL.
              </p>
            </div>
          ) : (
            <p className="text-slate-600">This event follows no JWKS URL.</p>
          )}
        </div>
      </Card>

      <Card title="Public key set (JWKS)" description="The active and retired public keys as a JWKS, for tools that fetch keys by URL. Public: it holds no secret.">
        <div className="space-y-3 text-sm">
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <code className="min-w-0 max-w-full break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800">{jwksUrl}</code>
            <CopyButton value={jwksUrl} label="Copy URL" />
          </div>
          <p className="text-slate-600">
            Each token&apos;s header should carry its key&apos;s <code className="font-mono text-xs">kid</code>: the RFC 7638 thumbprint shown above, or the
            host&apos;s own kid where a key has one. To check that a
            file on your servers matches a key here, compare its fingerprint with this command (openssl adds a trailing &quot;=&quot;; ssh-keygen -l prints a different kind of fingerprint):
          </p>
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <code className="min-w-0 max-w-full break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800">{FINGERPRINT_COMMAND}</code>
            <CopyButton value={FINGERPRINT_COMMAND} label="Copy command" />
          </div>
        </div>
      </Card>
    </div>
  );
  return writable ? (
    <AddKeyDialogs orgSlug={org} eventSlug={event.slug} hasActiveKey={!health.noActiveKey}>
      {page}
    </AddKeyDialogs>
  ) : (
    page
  );
}
