"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createApiKeyAction } from "@/lib/actions/api-keys";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyableValue } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { formValues, useAction } from "@/components/ui/use-action";

export function CreateApiKeyForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const { run, pending, error, fieldError } = useAction(createApiKeyAction);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  return (
    <div className="space-y-4">
      <ActionForm
        className="grid gap-4 sm:grid-cols-[1fr_14rem_auto] sm:items-start"
        onSubmit={(form) => {
          const values = formValues(form) as { name: string; role: "admin" | "viewer" };
          run({ ...values, orgSlug }, (data) => {
            setCreated({ key: data.key, name: data.name });
            form.reset();
            router.refresh();
          });
        }}
      >
        <TextField label="Name" name="name" required maxLength={64} placeholder="CI key rotation" error={fieldError("name")} hint="Say which script or system uses it." />
        <SelectField label="Role" name="role" defaultValue="viewer" error={fieldError("role")}>
          <option value="viewer">viewer: read only</option>
          <option value="admin">admin: read and change</option>
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Creating…" : "Create API key"}
        </Button>
      </ActionForm>
      <FormError error={error} />
      {created ? (
        <Alert tone="warning" title={`Copy the key “${created.name}” now: it is shown only once`}>
          <p>Only a hash is stored. Keep it in your secret store; anyone holding it acts for this organization with its role.</p>
          <CopyableValue
            className="mt-2 flex items-center gap-2"
            codeClassName="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200"
            testId="new-api-key"
            value={created.key}
            copyLabel="Copy key"
          />
        </Alert>
      ) : null}
    </div>
  );
}
