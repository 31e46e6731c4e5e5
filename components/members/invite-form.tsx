"use client";

import { useState } from "react";
import { inviteMemberAction } from "@/lib/actions/members";
import { assignableRoles, ROLE_DESCRIPTIONS, type OrgRole } from "@/lib/auth/roles";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyableValue } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { formValues, useAction } from "@/components/ui/use-action";

export function InviteForm({ orgSlug, actorRole, origin }: { orgSlug: string; actorRole: OrgRole; origin: string }) {
  const { run, pending, error, fieldError } = useAction(inviteMemberAction);
  const [created, setCreated] = useState<{ email: string; link: string; mailed: "sent" | "failed" | "unavailable" } | null>(null);
  return (
    <div className="space-y-4">
      <ActionForm
        className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start"
        onSubmit={(form) => {
          const values = formValues(form) as { email: string; role: OrgRole };
          run({ ...values, orgSlug }, (data) => {
            setCreated({ email: data.email, link: `${origin}/invite/${data.id}`, mailed: data.mailed });
            form.reset();
          });
        }}
      >
        <TextField label="Email" name="email" type="email" required placeholder="colleague@example.com" error={fieldError("email")} />
        <SelectField label="Role" name="role" defaultValue="viewer" error={fieldError("role")}>
          {assignableRoles(actorRole).map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Inviting…" : "Create invitation"}
        </Button>
      </ActionForm>
      <p className="text-xs text-slate-500">
        {assignableRoles(actorRole)
          .map((r) => `${r}: ${ROLE_DESCRIPTIONS[r]}`)
          .join(" · ")}
      </p>
      <FormError error={error} />
      {created ? (
        <Alert tone="success" title={`Invitation for ${created.email} created`}>
          <p>
            {created.mailed === "sent"
              ? `We emailed this link to ${created.email}. You can also copy it and hand it over yourself.`
              : created.mailed === "failed"
                ? "The invitation mail could not be sent (the mail server refused it). Copy this link and give it to them."
                : "This server sends no email (SMTP_URL is not configured). Copy this link and give it to them."}{" "}
            They sign up or sign in with {created.email} and accept. It expires in 7 days.
          </p>
          <CopyableValue
            className="mt-2 flex items-center gap-2"
            codeClassName="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200"
            testId="invitation-link"
            value={created.link}
            copyLabel="Copy link"
          />
        </Alert>
      ) : null}
    </div>
  );
}
