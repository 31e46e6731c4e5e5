"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage, signInSchema } from "@/lib/auth/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useAuthForm } from "./use-auth-form";

export function SignInForm({ next, notice }: { next: string; notice?: string }) {
  const router = useRouter();
  const { pending, error, setError, fieldErrors, onSubmit } = useAuthForm(
    signInSchema,
    (data) => authClient.signIn.email(data),
    next,
    // With two-factor on, the password only opens the code step.
    (data) => (data && typeof data === "object" && "twoFactorRedirect" in data && data.twoFactorRedirect ? `/sign-in/two-factor?next=${encodeURIComponent(next)}` : next),
  );
  const [passkeyPending, startPasskey] = useTransition();
  const signInWithPasskey = () =>
    startPasskey(async () => {
      setError(null);
      const result = await authClient.signIn.passkey();
      if (result?.error) setError(authErrorMessage(result.error));
      else router.push(next);
    });

  return (
    <div className="space-y-5">
      <ActionForm className="space-y-4" onSubmit={onSubmit}>
        <h1 className="text-xl font-semibold">Sign in</h1>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <TextField label="Email" name="email" type="email" autoComplete="email webauthn" required error={fieldErrors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
        <p className="-mt-2 text-right text-sm">
          <Link className="font-medium text-indigo-700 hover:underline" href="/forgot-password">
            Forgot password?
          </Link>
        </p>
        <Button type="submit" className="w-full" disabled={pending || passkeyPending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </ActionForm>
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
        <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Button type="button" variant="secondary" className="w-full" onClick={signInWithPasskey} disabled={pending || passkeyPending}>
        {passkeyPending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link className="font-medium text-indigo-700 hover:underline" href={`/sign-up?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
