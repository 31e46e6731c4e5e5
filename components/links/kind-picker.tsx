"use client";

import { formatDuration } from "@/lib/format";
import { attendeeNameInSentence } from "@/lib/links/form";
import { longLivedChoices, type LinkPolicy } from "@/lib/links/lifetime";
import type { LinkKind } from "@/lib/links/status";
import { Alert } from "@/components/ui/alert";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { RadioGroup, RadioOption } from "@/components/ui/radio-option";

/**
 * One-off (the default) or long-lived. Long-lived links carry the doc's warning in red, because
 * whoever holds one IS that attendee until it ends (with the host role, HostConfirmation asks too).
 */
export function KindPicker({
  kind,
  lifetimeSeconds,
  policy,
  attendeeName,
  errors,
  onChange,
}: {
  kind: LinkKind;
  lifetimeSeconds: number;
  policy: Pick<LinkPolicy, "oneOffLifetimeSeconds" | "longLivedMaxSeconds">;
  attendeeName: string;
  errors: { lifetimeSeconds?: string };
  onChange: (change: { kind?: LinkKind; lifetimeSeconds?: number }) => void;
}) {
  const who = attendeeNameInSentence(attendeeName);
  const option = (value: LinkKind, title: string, description: string) => (
    <RadioOption name="kind" value={value} title={title} checked={kind === value} onSelect={() => onChange({ kind: value })} tone={value === "long_lived" ? "danger" : "default"}>
      {description}
    </RadioOption>
  );
  return (
    <RadioGroup legend="Kind of link" name="kind">
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
        </div>
      ) : null}
    </RadioGroup>
  );
}

/**
 * The explicit "I understand" for a long-lived host link, next to the Issue button: shown as soon
 * as the link is long-lived with the host role, not first as an error after a refused submit.
 */
export function HostConfirmation({ checked, error, onChange }: { checked: boolean; error?: string; onChange: (checked: boolean) => void }) {
  return (
    <div className="rounded-md bg-red-50 px-3 py-2.5 ring-1 ring-inset ring-red-300" data-testid="host-confirmation">
      <CheckboxField
        label="I understand that anyone with this link can run the event as host"
        name="confirmHostLongLived"
        checked={checked}
        error={error}
        onChange={(e) => onChange(e.target.checked)}
        hint="A long-lived host link works like a master key until it expires or you revoke it. Tick this to issue it."
      />
    </div>
  );
}
