"use client";

import { useState } from "react";
import { inspectTokenAction } from "@/lib/actions/debugger";
import type { EventTokenInspection } from "@/lib/debugger/service";
import { formatUtc } from "@/lib/format";
import { AttendeePreview } from "@/components/profile/attendee-preview";
import { ProfileWarnings } from "@/components/profile/profile-warnings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, inputClasses } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useAction } from "@/components/ui/use-action";

const STATUS_STYLE = {
  pass: { icon: "✓", className: "text-emerald-700", label: "passed" },
  fail: { icon: "✗", className: "text-red-700", label: "failed" },
  skip: { icon: "–", className: "text-slate-400", label: "not checked" },
} as const;

function Json({ value }: { value: unknown }) {
  return <pre className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-5 text-slate-100">{JSON.stringify(value, null, 2)}</pre>;
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
      <Alert tone="warning">This token&apos;s jti was already used at {formatUtc(replay.usedAt)}: the entry would refuse it as already_used.</Alert>
    ) : (
      <p className="text-sm text-slate-600">Carries a jti that has not been used yet: the entry accepts it once.</p>
    );
  }
  const kind = replay.linkKind === "long_lived" ? "long-lived" : "one-off";
  const text =
    replay.status === "revoked"
      ? `This is a ${kind} test link issued by ${replay.issuedByLabel}; it was revoked${replay.revokedAt ? ` at ${formatUtc(replay.revokedAt)}` : ""}, so the entry refuses it as link_revoked.`
      : replay.status === "used"
        ? `This is a one-off test link issued by ${replay.issuedByLabel}; it was used${replay.usedAt ? ` at ${formatUtc(replay.usedAt)}` : ""}, so the entry refuses it as already_used.`
        : `This is a ${kind} test link issued by ${replay.issuedByLabel}, still usable.`;
  return <Alert tone={replay.status === "active" ? "info" : "warning"}>{text}</Alert>;
}

export function TokenDebugger({ orgSlug, eventSlug }: { orgSlug: string; eventSlug: string }) {
  const { run, pending, error, fieldError } = useAction(inspectTokenAction);
  const [result, setResult] = useState<EventTokenInspection | null>(null);
  const inspection = result?.inspection;
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

      {inspection ? (
        <div className="space-y-6" data-testid="debugger-result">
          {inspection.result.ok ? (
            <Alert tone="success" title="The entry would accept this token">
              It signs in {inspection.result.claims.displayName}
              {inspection.result.expiresAt ? `, until ${formatUtc(inspection.result.expiresAt)}` : ""}. Verified with key {inspection.result.kid.slice(0, 8)}.
            </Alert>
          ) : (
            <Alert tone="danger" title={`The entry would refuse this token: ${inspection.explanation?.code}`}>
              <p>{inspection.explanation?.title}. {inspection.explanation?.explanation}</p>
            </Alert>
          )}
          <ReplayLine replay={result.replay} />
          {inspection.notes.length > 0 ? (
            <ul className="space-y-2">
              {inspection.notes.map((note) => (
                <li key={note.code + note.message}>
                  <Alert tone="warning">{note.message}</Alert>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Checks">
              <ol className="-my-1 divide-y divide-slate-100">
                {inspection.checks.map((check) => {
                  const style = STATUS_STYLE[check.status];
                  return (
                    <li key={check.id} className="flex gap-3 py-2 text-sm" data-check={check.id} data-status={check.status}>
                      <span aria-label={style.label} className={cn("w-4 shrink-0 font-bold", style.className)}>
                        {style.icon}
                      </span>
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900">{check.label}</p>
                        <p className="break-words text-slate-600">{check.text}</p>
                      </div>
                    </li>
                  );
                })}
              </ol>
            </Card>
            <Card title="As attendees would see them" description={result.attendee ? undefined : "No readable displayName, so there is nothing to show."}>
              {result.attendee ? (
                <div className="space-y-4">
                  <AttendeePreview attendee={result.attendee} loadImage={false} />
                  <ProfileWarnings warnings={result.warnings} emptyText="No profile warnings." />
                </div>
              ) : null}
            </Card>
          </div>
          <Card title="Decoded" description={inspection.signatureVerified ? "The signature verified: this is what the signer wrote." : "NOT verified: shown as pasted; do not trust it."}>
            <div className="grid gap-4 lg:grid-cols-2">
              <DecodedPartView title="Header" part={inspection.header} />
              <DecodedPartView title="Payload" part={inspection.payload} />
            </div>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
