"use client";

import { useState } from "react";
import { emailTestLinkAction } from "@/lib/actions/link-mail";
import type { LinkKind } from "@/lib/links/status";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { formValues, useAction } from "@/components/ui/use-action";

export interface LinkMailOptions {
  orgSlug: string;
  eventSlug: string;
  /** False when this server sends no mail; the sentence says why. */
  available: boolean;
  unavailableMessage: string;
}

/**
 * Sends the link just issued to the speaker. A long-lived link asks for the same confirmations
 * as issuing one (the server insists too).
 */
export function EmailLinkButton({ url, kind, mail }: { url: string; kind: LinkKind; mail: LinkMailOptions }) {
  const [open, setOpen] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { run, pending, error, fieldError } = useAction(emailTestLinkAction);
  const longLived = kind === "long_lived";
  const needsHostConfirmation = error?.field === "confirmHostLongLived";

  if (!mail.available) return <p className="text-sm text-slate-600">{mail.unavailableMessage}</p>;
  if (sentTo) {
    return (
      <Alert tone="success" role="status">
        Sent to {sentTo}.
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Email this link to the speaker
      </Button>
    );
  }
  return (
    <ActionForm
      aria-label="Email this link"
      className="space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
      onSubmit={(form) => {
        const values = formValues(form) as { to: string; confirmLongLived?: boolean; confirmHostLongLived?: boolean };
        run({ ...values, url, orgSlug: mail.orgSlug, eventSlug: mail.eventSlug }, (data) => setSentTo(data.to));
      }}
    >
      <TextField
        label="Speaker's email"
        name="to"
        type="email"
        autoComplete="off"
        hint="Leave empty to use the email in the link's claims, if it has one."
        error={fieldError("to")}
      />
      {longLived ? (
        <CheckboxField
          label="Yes, email a long-lived link"
          name="confirmLongLived"
          hint="Anyone who gets this mail, or a forwarded copy, signs in as this attendee on every open until the link expires or you revoke it."
          error={fieldError("confirmLongLived")}
        />
      ) : null}
      {longLived && needsHostConfirmation ? (
        <CheckboxField
          label="Yes, it carries the host role"
          name="confirmHostLongLived"
          hint="Whoever holds it can run the event for as long as it lasts."
          error={fieldError("confirmHostLongLived")}
        />
      ) : null}
      {error && !error.field ? <FormError error={error} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </ActionForm>
  );
}
