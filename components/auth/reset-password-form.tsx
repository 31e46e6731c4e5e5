"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth/client";
import { resetPasswordSchema } from "@/lib/auth/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { NewPasswordField } from "./new-password-field";
import { useAuthForm } from "./use-auth-form";

export function ResetPasswordForm({ token }: { token: string }) {
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(
    resetPasswordSchema,
    (data) => authClient.resetPassword({ newPassword: data.newPassword, token }),
    "/sign-in?notice=password-reset",
  );
  return (
    <ActionForm className="space-y-4" onSubmit={onSubmit}>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="text-sm text-slate-600">Saving it signs your account out on every device; then you sign in with the new password.</p>
      {error ? (
        <Alert tone="danger">
          {error}{" "}
          <Link className="font-medium underline" href="/forgot-password">
            Request a new link
          </Link>
        </Alert>
      ) : null}
      <NewPasswordField label="New password" name="newPassword" error={fieldErrors.newPassword} />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors.confirmPassword} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Save new password"}
      </Button>
    </ActionForm>
  );
}
