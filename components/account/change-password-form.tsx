"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth/client";
import { changePasswordSchema } from "@/lib/auth/schema";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";

export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(
    changePasswordSchema,
    async (data) => {
      setDone(false);
      const result = await authClient.changePassword(data);
      if (!result.error) setDone(true);
      return result;
    },
    "/account",
    () => null,
  );
  return (
    <ActionForm className="max-w-md space-y-4" onSubmit={onSubmit}>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {done ? <Alert tone="success">Password changed.</Alert> : null}
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldErrors.currentPassword} />
      <NewPasswordField label="New password" name="newPassword" error={fieldErrors.newPassword} />
      <CheckboxField label="Sign out my other devices" name="revokeOtherSessions" defaultChecked />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </ActionForm>
  );
}
