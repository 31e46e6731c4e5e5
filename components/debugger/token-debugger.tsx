"use client";

import { useState } from "react";
import { inspectTokenAction } from "@/lib/actions/debugger";
import type { EventTokenInspection } from "@/lib/debugger/service";
import type { CheckState, DebuggerView } from "@/lib/debugger/present";
import { AttendeePreview } from "@/components/profile/attendee-preview";
import { ProfileWarnings } from "@/components/profile/profile-warnings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, inputClasses } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SeverityList } from "@/components/ui/severity";
import { useAction } from "@/components/ui/use-action";
import { Time } from "@/components/ui/time";

/** passed/failed in colour; checks that could not run, or ran on unverified claims, greyed out (still readable: slate-500 meets AA). */
const CHECK_LOOK: Record<CheckState, { icon: string; label: string; mark: string; muted: boolean }> = {
  passed: { icon: "✓", label: "passed", mark: "text-emerald-700", muted: false },
  failed: { icon: "✗", label: "failed", mark: "text-red-700", muted: false },
  not_applicable: { icon: "–", label: "not applicable", mark: "text-slate-500", muted: false },
  not_run: { icon: "–", label: "not run", mark: "text-slate-500", muted: true },
  unverified: { icon: "?", label: "unverified", mark: "text-slate-500", muted: true },
};

function Json({ value }: { value: unknown }) {
  return <pre tabIndex={0} className="max-h-80 min-w-0 max-w-full overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-5 text-slate-100">{JSON.stringify(value, null, 2)}</pre>;
}

function DecodedPartView({ title, part }: { title: string; part: EventTokenInspection["inspection"]["header"] }) {
  return (
    <div className="min-w-0 space-y-1">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {part.kind === "json" ? <Json value={part.value} /> : part.kind === "text" ? <Json value={part.value} /> : <p className="text-sm text-slate-500">Not decodable.</p>}
    </div>
  );
}

function ReplayLine({ replay }: { replay: EventTokenInspection["replay"] }) {
  if (replay.kind === "none") return null;
  if (replay.kind === "host_jti") {
    return replay.usedAt ? (
      <Alert tone="warning">This token&apos;s jti was already used at <Time value={replay.usedAt} />: the entry would refuse it as already_used.</Alert>
    ) : (
      <p className="text-sm text-slate-600">Carries a jti that has not been used yet: the entry accepts it once.</p>
    );
  }
  const kind = replay.linkKind === "long_lived" ? "long-lived" : "one-off";
  const text =
    replay.status === "revoked" ? (
      <>
        This is a {kind} test link issued by {replay.issuedByLabel}; it was revoked{replay.revokedAt ? <> at <Time value={replay.revokedAt} /></> : null}, so the entry refuses it as link_revoked.
      </>
    ) : replay.status === "used" ? (
      <>
        This is a one-off test link issued by {replay.issuedByLabel}; it was used{replay.usedAt ? <> at <Time value={replay.usedAt} /></> : null}, so the entry refuses it as already_used.
      </>
    ) : (
      `This is a ${kind} test link issued by ${replay.issuedByLabel}, still usable.`
    );
  return <Alert tone={replay.status === "active" ? "info" : "warning"}>{text}</Alert>;
}

export function TokenDebugger({ orgSlug, eventSlug }: { orgSlug: string; eventSlug: string }) {
  const { run, pending, error, fieldError } = useAction(inspectTokenAction);
  const [result, setResult] = useState<(EventTokenInspection & { view: DebuggerView }) | null>(null);
  const inspection = result?.inspection;
  const view = result?.view;
  return (
    <div className="space-y-6">
      <Card title="Paste a token" description="Or the whole event link. It is checked against this event's keys and token policy exactly as the entry would, and nothing is used up or stored.">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const token = String(new FormData(e.currentTarget).get("token") ?? "");
            run({ orgSlug, eventSlug, token }, setResult);
          }}
        >
          <Field label="Token" name="token" error={fieldError("token")}>
            {(control) => (
              <textarea
                {...control}
                rows={5}
                spellCheck={false}
                autoComplete="off"
                placeholder="eyJhbGciOiJSUzI1NiIs…"
                className={cn(inputClasses, "font-mono text-xs")}
              />
            )}
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Check token"}
          </Button>
          <FormError error={error} />
        </form>
      </Card>

      {inspection && view ? (
        <div className="space-y-6" data-testid="debugger-result">
          <Alert tone={view.verdict.accepted ? "success" : "danger"} title={view.verdict.title}>
            <p>{view.verdict.explanation}</p>
            {view.verdict.fix ? (
              <p className="mt-2">
                <span className="font-semibold">What to fix: </span>
                {view.verdict.fix}
              </p>
            ) : null}
            {view.verdict.code ? (
              <p className="mt-2 text-xs">
                Attendees would see the error page for reason <code className="font-mono">{view.verdict.code}</code>.
              </p>
            ) : null}
          </Alert>
          <ReplayLine replay={result.replay} />
          {view.notes.length > 0 ? <SeverityList items={view.notes.map((n) => ({ ...n, id: n.code + n.message }))} emptyText="" /> : null}
          <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
            <Card title="Checks">
              <ol className="-my-1 divide-y divide-slate-100">
                {view.checks.map((check) => {
                  const look = CHECK_LOOK[check.state];
                  return (
                    <li key={check.id} className="flex gap-3 py-2 text-sm" data-check={check.id} data-status={check.status} data-state={check.state}>
                      <span aria-hidden className={cn("w-4 shrink-0 font-bold", look.mark)}>
                        {look.icon}
                      </span>
                      <div className="min-w-0">
                        <p className={cn("font-medium", look.muted ? "text-slate-500" : "text-slate-900")}>
                          {check.label}
                          {look.muted ? (
                            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">{look.label}</span>
                          ) : (
                            <span className="sr-only"> ({look.label})</span>
                          )}
                        </p>
                        <p className={cn("break-words", look.muted ? "text-slate-500" : "text-slate-600")}>{check.text}</p>
                      </div>
                    </li>
                  );
                })}
              </ol>
            </Card>
            <Card title="As attendees would see them" description={view.previewWithheld ?? (result.attendee ? undefined : "No readable displayName, so there is nothing to show.")}>
              {result.attendee && !view.previewWithheld ? (
                <div className="space-y-4">
                  <AttendeePreview attendee={result.attendee} loadImage={false} />
                  <ProfileWarnings warnings={result.warnings} emptyText="The profile shows as configured." />
                </div>
              ) : null}
            </Card>
          </div>
          <Card title="Decoded" description={inspection.signatureVerified ? "The signature verified: this is what the signer wrote." : "NOT verified: shown as pasted; do not trust it."}>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <DecodedPartView title="Header" part={inspection.header} />
              <DecodedPartView title="Payload" part={inspection.payload} />
            </div>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
