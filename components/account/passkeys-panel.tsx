"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage, passkeyNameSchema } from "@/lib/auth/schema";
import { fieldErrorsOf } from "@/lib/errors";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/time";

export interface PasskeyRow {
  id: string;
  name: string | null;
  createdAt: string | null;
  synced: boolean;
}

export function PasskeysPanel({ passkeys }: { passkeys: PasskeyRow[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();

  const add = (form: HTMLFormElement) => {
    const parsed = passkeyNameSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return setNameError(fieldErrorsOf(parsed.error).name);
    setNameError(undefined);
    setError(null);
    start(async () => {
      const result = await authClient.passkey.addPasskey({ name: parsed.data.name });
      if (result?.error) return setError(authErrorMessage(result.error));
      form.reset();
      router.refresh();
    });
  };

  const remove = (id: string, close: () => void) =>
    start(async () => {
      const result = await authClient.passkey.deletePasskey({ id });
      if (result.error) setError(authErrorMessage(result.error));
      close();
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {passkeys.length > 0 ? (
        <ul className="-my-2 divide-y divide-slate-100">
          {passkeys.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="passkey-row">
              <div>
                <p className="font-medium text-slate-900">{p.name || "Unnamed passkey"}</p>
                <p className="text-xs text-slate-500">
                  Added <Time value={p.createdAt} /> {p.synced ? <Badge>synced</Badge> : null}
                </p>
              </div>
              <ConfirmButton
                label="Remove"
                title="Remove this passkey?"
                consequence={`“${p.name || "Unnamed passkey"}” will no longer sign you in.`}
                confirmLabel="Remove passkey"
                pending={pending}
                onConfirm={(_typed, close) => remove(p.id, close)}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No passkeys yet.</p>
      )}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <ActionForm onSubmit={add} className="flex max-w-lg flex-wrap items-end gap-3">
        <TextField label="Name for a new passkey" name="name" placeholder="e.g. Work laptop" required error={nameError} className="min-w-48 flex-1" />
        <Button type="submit" disabled={pending}>
          {pending ? "Waiting for your device…" : "Add a passkey"}
        </Button>
      </ActionForm>
    </div>
  );
}
