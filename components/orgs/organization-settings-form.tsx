"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { updateOrganizationAction } from "@/lib/actions/organizations";
import { ORGANIZATION_NAME_MAX } from "@/lib/orgs/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { formValues, useAction } from "@/components/ui/use-action";

export function OrganizationSettingsForm({
  orgSlug,
  initial,
  readOnly,
  isOwner,
}: {
  orgSlug: string;
  initial: { name: string; transcriptionEnabled: boolean; interpretationEnabled: boolean; requireTwoFactor: boolean; activityRetentionDays: number };
  readOnly: boolean;
  isOwner: boolean;
}) {
  const router = useRouter();
  const { run, pending, error, fieldError } = useAction(updateOrganizationAction);
  return (
    <ActionForm
      className="space-y-5"
      onSubmit={(form) => {
        const values = formValues(form) as { name: string; transcriptionEnabled: boolean; interpretationEnabled: boolean; requireTwoFactor?: boolean; activityRetentionDays: string };
        run({ ...values, orgSlug }, () => {
          toast.success("Organization settings saved");
          router.refresh();
        });
      }}
    >
      <fieldset disabled={readOnly || pending} className="space-y-5">
        <TextField label="Organization name" name="name" maxLength={ORGANIZATION_NAME_MAX} defaultValue={initial.name} required error={fieldError("name")} className="max-w-md" />
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-800">Features</p>
          <p className="text-sm text-slate-600">
            The platform grants the transcriber and interpreter roles only when the feature is on for the organization AND for the event. Turning one
            off here disables it for every event.
          </p>
          <CheckboxField
            label="Live transcription"
            name="transcriptionEnabled"
            defaultChecked={initial.transcriptionEnabled}
            hint="Lets tokens grant the transcriber role (live closed captions)."
          />
          <CheckboxField
            label="Live interpretation"
            name="interpretationEnabled"
            defaultChecked={initial.interpretationEnabled}
            hint="Lets tokens grant the interpreter role (live audio translation)."
          />
        </div>
        <TextField
          label="Keep sign-in activity for (days)"
          name="activityRetentionDays"
          type="number"
          min={1}
          max={365}
          defaultValue={String(initial.activityRetentionDays)}
          hint="Every attempt at your events' entries (who signed in, who was refused and why) is kept this long, 1 to 365 days, then deleted."
          error={fieldError("activityRetentionDays")}
          className="max-w-xs"
        />
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-800">Security</p>
          <CheckboxField
            label="Members must use two-factor"
            name="requireTwoFactor"
            defaultChecked={initial.requireTwoFactor}
            disabled={!isOwner}
            error={fieldError("requireTwoFactor")}
            hint={
              isOwner
                ? "A member without an authenticator app or a passkey is taken to set one up before they can open anything in this organization."
                : "Only owners can change this."
            }
          />
        </div>
      </fieldset>
      {!readOnly ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      ) : null}
      <FormError error={error} />
    </ActionForm>
  );
}
