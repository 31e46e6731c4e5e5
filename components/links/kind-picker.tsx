"use client";

import { formatDuration } from "@/lib/format";
import { longLivedChoices, type LinkPolicy } from "@/lib/links/lifetime";
import type { LinkKind } from "@/lib/links/status";
import { Alert } from "@/components/ui/alert";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { RadioOption } from "@/components/ui/radio-option";

/**
 * One-off (the default) or long-lived. Long-lived links carry the doc's warning in red, and with
 * the host role an explicit confirmation, because whoever holds one IS that attendee until it ends.
 */
export function KindPicker({
  kind,
  lifetimeSeconds,
  confirmHost,
  policy,
  hasHost,
  attendeeName,
  errors,
  onChange,
}: {
  kind: LinkKind;
  lifetimeSeconds: number;
  confirmHost: boolean;
  policy: Pick<LinkPolicy, "oneOffLifetimeSeconds" | "longLivedMaxSeconds">;
  hasHost: boolean;
  attendeeName: string;
  errors: { lifetimeSeconds?: string; confirmHostLongLived?: string };
  onChange: (change: { kind?: LinkKind; lifetimeSeconds?: number; confirmHostLongLived?: boolean }) => void;
}) {
  const who = attendeeName.trim() || "this attendee";
  const option = (value: LinkKind, title: string, description: string) => (
    <RadioOption name="kind" value={value} title={title} checked={kind === value} onSelect={() => onChange({ kind: value })} tone={value === "long_lived" ? "danger" : "default"}>
      {description}
    </RadioOption>
  );
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">Kind of link</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {option("one_off", "One-off (recommended)", `Works once, within ${formatDuration(policy.oneOffLifetimeSeconds)}. Link scanners in mail or chat cannot use it up.`)}
        {option("long_lived", "Long-lived", `Works again and again until it expires (at most ${formatDuration(policy.longLivedMaxSeconds)}) or you revoke it.`)}
      </div>
      {kind === "long_lived" ? (
        <div className="space-y-3 pt-1">
          <SelectField
            label="Valid for"
            name="lifetimeSeconds"
            value={String(lifetimeSeconds)}
            error={errors.lifetimeSeconds}
            onChange={(e) => onChange({ lifetimeSeconds: Number(e.target.value) })}
            hint={`This event allows at most ${formatDuration(policy.longLivedMaxSeconds)} (its settings set the maximum).`}
          >
            {longLivedChoices(policy).map((c) => (
              <option key={c.seconds} value={c.seconds}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <Alert tone="danger" title={`Anyone with this link signs in as ${who}`} role="alert">
            <ul className="list-disc space-y-1 pl-5" data-testid="long-lived-warning">
              <li>Whoever opens it is logged in as {who}, with the roles ticked above, as often as they like, for {formatDuration(lifetimeSeconds)}.</li>
              <li>
                <strong>Never send it by email or chat</strong>: messages are forwarded, archived and scanned.
              </li>
              <li>Revoke it in the table below as soon as you are done testing.</li>
            </ul>
          </Alert>
          {hasHost ? (
            <div className="rounded-md bg-red-50 px-3 py-2.5 ring-1 ring-inset ring-red-300">
              <CheckboxField
                label="I understand that anyone with this link can run the event as host"
                name="confirmHostLongLived"
                checked={confirmHost}
                error={errors.confirmHostLongLived}
                onChange={(e) => onChange({ confirmHostLongLived: e.target.checked })}
                hint="A host can do all there is to be done in the event. Until this link expires or you revoke it, it works like a master key."
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
