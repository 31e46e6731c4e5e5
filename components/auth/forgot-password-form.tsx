"use client";

import Link from "next/link";
import { useState } from "react";
import { authClient } from "@/lib/auth/client";
import { forgotPasswordSchema } from "@/lib/auth/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useAuthForm } from "./use-auth-form";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(
    forgotPasswordSchema,
    async (data) => {
      const result = await authClient.requestPasswordReset({ email: data.email, redirectTo: "/reset-password" });
      if (!result.error) setSentTo(data.email);
      return result;
    },
    "/sign-in",
    () => null,
  );
  if (sentTo) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Check your email</h1>
        <Alert tone="success">
          If {sentTo} belongs to an account, a reset link is on its way. It works once, for {minutes} minutes. Nothing arrived after a few minutes? Check
          the spam folder, then ask again.
        </Alert>
        <Link className="block text-center text-sm font-medium text-indigo-700 hover:underline" href="/sign-in">
          Back to sign-in
        </Link>
      </div>
    );
  }
  return (
    <ActionForm className="space-y-4" onSubmit={onSubmit}>
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      <p className="text-sm text-slate-600">Enter your account&apos;s email address and we will send you a link to choose a new password.</p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
      <Link className="block text-center text-sm text-slate-600 hover:underline" href="/sign-in">
        Back to sign-in
      </Link>
    </ActionForm>
  );
}
