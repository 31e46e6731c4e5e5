"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth/client";
import { signInSchema } from "@/lib/auth/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useAuthForm } from "./use-auth-form";

export function SignInForm({ next }: { next: string }) {
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(signInSchema, (data) => authClient.signIn.email(data), next);

  return (
    <form noValidate className="space-y-4" onSubmit={onSubmit}>
      <h1 className="text-xl font-semibold">Sign in</h1>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link className="font-medium text-indigo-700 hover:underline" href={`/sign-up?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
