import type { KeyView } from "@/lib/keys/service";
import { allowedTransitions } from "@/lib/keys/lifecycle";
import type { RevocationNote } from "@/lib/keys/presentation";
import type { KeyActivity } from "@/lib/keys/rotation";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { KeyTransitionButton } from "./key-transition-button";
import { Time } from "@/components/ui/time";

export interface KeyCardContext {
  orgSlug: string;
  eventSlug: string;
  writable: boolean;
  activeCount: number;
  longestLifetime: string;
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-800">{children}</dd>
    </div>
  );
}

const SOURCE_NAMES: Record<KeyView["source"], string> = { generated: "Generated", uploaded: "Uploaded", jwks_url: "From JWKS URL" };

const NOTE_TONES: Record<RevocationNote["tone"], string> = {
  safe: "text-emerald-800",
  never_used: "text-slate-600",
  wait: "text-amber-800",
  unbounded: "text-amber-800",
};

/** One key: identity, where it came from, when it changed and was last used, its public key, and its next steps. */
export function KeyCard({
  keyView: k,
  usage,
  note,
  context,
  activity,
}: {
  keyView: KeyView;
  usage: string;
  note: RevocationNote | null;
  context: KeyCardContext;
  activity?: KeyActivity;
}) {
  // Keys from the JWKS URL are the host's: the dashboard never offers to change them.
  const transitions = context.writable && k.source !== "jwks_url" ? allowedTransitions(k.status) : [];
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="key-row" data-key-id={k.id} data-kid={k.kid} data-status={k.status}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm font-semibold text-slate-900" title={`kid ${k.kid}`}>
              {k.shortKid}
            </code>
            {k.hostKid ? (
              <code className="rounded bg-indigo-50 px-1.5 py-0.5 font-mono text-sm text-indigo-900" title="The host's own kid: tokens may carry it or the thumbprint" data-testid="host-kid">
                kid “{k.hostKid}”
              </code>
            ) : null}
            {k.label ? <span className="font-medium text-slate-900">{k.label}</span> : null}
            <Badge tone={k.source === "generated" ? "indigo" : k.source === "jwks_url" ? "green" : "blue"}>{SOURCE_NAMES[k.source]}</Badge>
            <Badge>{k.bits}-bit RSA</Badge>
            {k.keepsPrivateKey ? <Badge tone="amber">Private key kept (encrypted)</Badge> : null}
          </div>
          <p className="break-all font-mono text-xs text-slate-600" title="SHA-256 of the public key (SPKI DER)">
            {k.fingerprint}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          <CopyButton value={k.publicKeyPem} label="Copy PEM" />
          {transitions.map((t) => (
              <KeyTransitionButton
                key={t}
                orgSlug={context.orgSlug}
                eventSlug={context.eventSlug}
                keyId={k.id}
                kid={k.kid}
                shortKid={k.shortKid}
                transition={t}
                onlyActiveKey={k.status === "active" && context.activeCount === 1}
                revocation={note ?? undefined}
                longestLifetime={context.longestLifetime}
                keepsPrivateKey={k.keepsPrivateKey}
              />
          ))}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-5">
        <Meta label="Added"><Time value={k.createdAt} /></Meta>
        {k.status === "standby" ? <Meta label="Activated">Not yet</Meta> : <Meta label="Activated"><Time value={k.activatedAt} /></Meta>}
        {k.retiredAt ? <Meta label="Retired"><Time value={k.retiredAt} /></Meta> : null}
        {k.revokedAt ? <Meta label="Revoked"><Time value={k.revokedAt} /></Meta> : null}
        <Meta label="Last used">{usage}</Meta>
        {activity?.share != null ? <Meta label="Sign-ins, last hour">{`${Math.round(activity.share * 100)}% (${activity.signIns ?? 0})`}</Meta> : null}
      </dl>
      {note && k.status === "retired" ? (
        <p className={cn("text-sm", NOTE_TONES[note.tone])} data-testid="revocation-note">
          {note.text}
        </p>
      ) : null}
      <details className="group">
        <summary className="cursor-pointer text-sm font-medium text-indigo-700 hover:text-indigo-600">Show public key and full kid</summary>
        <div className="mt-2 space-y-2">
          {k.hostKid ? (
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs text-slate-500">Host&apos;s kid</span>
              <code className="min-w-0 break-all rounded bg-slate-50 px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-200">{k.hostKid}</code>
              <CopyButton value={k.hostKid} label="Copy host kid" />
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            {k.hostKid ? <span className="text-xs text-slate-500">Thumbprint (RFC 7638)</span> : null}
            <code className="min-w-0 break-all rounded bg-slate-50 px-2 py-1 font-mono text-xs text-slate-800 ring-1 ring-inset ring-slate-200">{k.kid}</code>
            <CopyButton value={k.kid} label="Copy kid" />
          </div>
          <pre tabIndex={0} className="max-w-full overflow-x-auto rounded bg-slate-50 p-2 font-mono text-[11px] leading-4 text-slate-800 ring-1 ring-inset ring-slate-200">
            {k.publicKeyPem}
          </pre>
        </div>
      </details>
    </li>
  );
}
