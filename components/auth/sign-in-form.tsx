"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage, signInSchema } from "@/lib/auth/schema";
import { fieldErrorsOf } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        const parsed = signInSchema.safeParse(data);
        if (!parsed.success) {
          setFieldErrors(fieldErrorsOf(parsed.error));
          return;
        }
        setFieldErrors({});
        setError(null);
        startTransition(async () => {
          const result = await authClient.signIn.email(parsed.data);
          if (result.error) setError(authErrorMessage(result.error));
          else router.push(next);
        });
      }}
    >
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
