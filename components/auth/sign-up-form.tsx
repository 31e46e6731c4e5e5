"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth/client";
import { signUpSchema } from "@/lib/auth/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { NewPasswordField } from "./new-password-field";
import { useAuthForm } from "./use-auth-form";

export function SignUpForm({ next, email }: { next: string; email: string }) {
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(signUpSchema, (data) => authClient.signUp.email(data), next);

  return (
    <ActionForm className="space-y-4" onSubmit={onSubmit}>
      <h1 className="text-xl font-semibold">Create an account</h1>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField label="Your name" name="name" autoComplete="name" required error={fieldErrors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={email} required error={fieldErrors.email} />
      <NewPasswordField label="Password" name="password" error={fieldErrors.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-indigo-700 hover:underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
      </p>
    </ActionForm>
  );
}
