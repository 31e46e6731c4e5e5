"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useState } from "react";
import { createEventAction, updateEventAction } from "@/lib/actions/events";
import { CONTACT_HINT, EVENT_LIMITS, POLICY_LIMITS, slugify, type EventSettings } from "@/lib/events/schema";
import { formatDuration, type DurationUnit } from "@/lib/format";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { DurationField } from "@/components/ui/duration-field";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { formValues, useAction } from "@/components/ui/use-action";

export type EventFormValues = EventSettings;

export const NEW_EVENT_DEFAULTS: EventFormValues = {
  name: "",
  slug: "",
  startsAt: null,
  endsAt: null,
  contact: "",
  transcriptionEnabled: false,
  interpretationEnabled: false,
  oneOffLifetimeSeconds: POLICY_LIMITS.oneOffLifetimeSeconds.default,
  longLivedMaxSeconds: POLICY_LIMITS.longLivedMaxSeconds.default,
  leewaySeconds: POLICY_LIMITS.leewaySeconds.default,
  requireExp: true,
};

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-4 border-t border-slate-200 pt-6 first:border-t-0 first:pt-0 md:grid-cols-3">
      <div>
        <legend className="text-sm font-semibold text-slate-900">{title}</legend>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <div className="grid gap-4 md:col-span-2 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/** The token policy's durations: each reads its bounds and default from POLICY_LIMITS, in the order the form shows them. */
const POLICY_DURATION_FIELDS: readonly { name: keyof typeof POLICY_LIMITS; label: string; units: readonly DurationUnit[]; hintLead: string }[] = [
  { name: "oneOffLifetimeSeconds", label: "One-off link lifetime", units: ["seconds", "minutes"], hintLead: "" },
  { name: "longLivedMaxSeconds", label: "Long-lived token maximum", units: ["hours", "days"], hintLead: "The longest exp − iat accepted. " },
  { name: "leewaySeconds", label: "Clock-skew leeway", units: ["seconds", "minutes"], hintLead: "Tolerance for hosts whose clocks drift. " },
];

export function EventForm({
  orgSlug,
  mode,
  initial,
  eventSlug,
  organizationFlags,
  readOnly = false,
}: {
  orgSlug: string;
  mode: "create" | "edit";
  initial: EventFormValues;
  eventSlug?: string;
  organizationFlags: { transcriptionEnabled: boolean; interpretationEnabled: boolean };
  readOnly?: boolean;
}) {
  const router = useRouter();
  const create = useAction(createEventAction);
  const update = useAction(updateEventAction);
  const { pending, error, fieldError } = mode === "create" ? create : update;
  const [slug, setSlug] = useState(initial.slug);
  const [slugEdited, setSlugEdited] = useState(mode === "edit");
  const [requireExp, setRequireExp] = useState(initial.requireExp);

  return (
    <ActionForm
      className="space-y-6"
      onSubmit={(form) => {
        const values = formValues(form);
        const input = { ...values, orgSlug };
        if (mode === "create") {
          create.run(input as Parameters<typeof createEventAction>[0], (data) => router.push(`/orgs/${orgSlug}/events/${data.slug}`));
        } else {
          update.run({ ...input, eventSlug: eventSlug! } as Parameters<typeof updateEventAction>[0], (data) => {
            toast.success("Event settings saved");
            if (data.slug !== eventSlug) router.replace(`/orgs/${orgSlug}/events/${data.slug}/settings`);
            else router.refresh();
          });
        }
      }}
    >
      <fieldset disabled={readOnly || pending} className="space-y-6">
        <Section title="Event" description="What attendees and admins see. The slug is the attendee entry address: /e/{slug}.">
          <TextField
            label="Name"
            name="name"
            maxLength={EVENT_LIMITS.nameMax}
            defaultValue={initial.name}
            required
            error={fieldError("name")}
            className="sm:col-span-2"
            onChange={(e) => {
              if (!slugEdited) setSlug(slugify(e.target.value));
            }}
          />
          <TextField
            label="Slug"
            name="slug"
            maxLength={EVENT_LIMITS.slugMax}
            value={slug}
            required
            error={fieldError("slug")}
            hint={mode === "edit" ? "Changing it breaks links that hosts already hand out." : "Lowercase letters, digits and hyphens."}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
          />
          <TextField
            label="Contact for attendees"
            name="contact"
            maxLength={EVENT_LIMITS.contactMax}
            defaultValue={initial.contact}
            required
            placeholder="help@example.com"
            hint={`Shown when sign-in fails: ${CONTACT_HINT}.`}
            error={fieldError("contact")}
          />
          <DateTimeField label="Starts" name="startsAt" defaultValue={initial.startsAt} error={fieldError("startsAt")} hint="Optional." />
          <DateTimeField label="Ends" name="endsAt" defaultValue={initial.endsAt} error={fieldError("endsAt")} hint="Optional." />
        </Section>

        <Section
          title="Features"
          description="Tokens can grant the transcriber and interpreter roles only when the feature is on for the organization AND this event."
        >
          <CheckboxField
            label="Live transcription"
            name="transcriptionEnabled"
            defaultChecked={initial.transcriptionEnabled}
            hint={organizationFlags.transcriptionEnabled ? "Enabled for the organization." : "Off for the organization: turn it on in organization settings too."}
          />
          <CheckboxField
            label="Live interpretation"
            name="interpretationEnabled"
            defaultChecked={initial.interpretationEnabled}
            hint={organizationFlags.interpretationEnabled ? "Enabled for the organization." : "Off for the organization: turn it on in organization settings too."}
          />
        </Section>

        <Section title="Token policy" description="How the attendee entry judges tokens. The platform recommends minting tokens on the fly with about 5 minutes to live.">
          {POLICY_DURATION_FIELDS.map(({ name, label, units, hintLead }) => (
            <DurationField
              key={name}
              label={label}
              name={name}
              units={units}
              min={POLICY_LIMITS[name].min}
              max={POLICY_LIMITS[name].max}
              defaultSeconds={initial[name]}
              error={fieldError(name)}
              hint={`${hintLead}Default ${formatDuration(POLICY_LIMITS[name].default)}.`}
            />
          ))}
          <div className="space-y-2">
            <CheckboxField
              label="Require an expiry (exp)"
              name="requireExp"
              checked={requireExp}
              onChange={(e) => setRequireExp(e.target.checked)}
              hint="Tokens without exp are refused."
            />
            {!requireExp ? (
              <Alert tone="warning">Tokens without an expiry will be accepted forever: anyone holding such a link signs in as that person.</Alert>
            ) : null}
          </div>
        </Section>
      </fieldset>

      {!readOnly ? (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : mode === "create" ? "Create event" : "Save changes"}
          </Button>
          <div className="w-full">
            <FormError error={error} />
          </div>
        </div>
      ) : null}
    </ActionForm>
  );
}
