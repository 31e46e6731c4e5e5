"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage, MIN_PASSWORD_LENGTH, signUpSchema } from "@/lib/auth/schema";
import { fieldErrorsOf } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function SignUpForm({ next, email }: { next: string; email: string }) {
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
        const parsed = signUpSchema.safeParse(Object.fromEntries(new FormData(e.currentTarget)));
        if (!parsed.success) {
          setFieldErrors(fieldErrorsOf(parsed.error));
          return;
        }
        setFieldErrors({});
        setError(null);
        startTransition(async () => {
          const result = await authClient.signUp.email(parsed.data);
          if (result.error) setError(authErrorMessage(result.error));
          else router.push(next);
        });
      }}
    >
      <h1 className="text-xl font-semibold">Create an account</h1>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField label="Your name" name="name" autoComplete="name" required error={fieldErrors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={email} required error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldErrors.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-indigo-700 hover:underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
