"use client";

import Link from "next/link";
import { useState } from "react";
import { authClient } from "@/lib/auth/client";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/auth/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useAuthForm } from "./use-auth-form";

/** The second step of a password sign-in: a code from the authenticator app, or one recovery code. */
export function TwoFactorForm({ next }: { next: string }) {
  const [useRecovery, setUseRecovery] = useState(false);
  return useRecovery ? <RecoveryCodeForm next={next} onBack={() => setUseRecovery(false)} /> : <AuthenticatorCodeForm next={next} onRecovery={() => setUseRecovery(true)} />;
}

function AuthenticatorCodeForm({ next, onRecovery }: { next: string; onRecovery: () => void }) {
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(totpCodeSchema, (data) => authClient.twoFactor.verifyTotp({ code: data.code }), next);
  return (
    <form noValidate className="space-y-4" onSubmit={onSubmit}>
      <h1 className="text-xl font-semibold">Enter your code</h1>
      <p className="text-sm text-slate-600">Open your authenticator app and enter the 6-digit code it shows for Event sign-in.</p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus required error={fieldErrors.code} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Verify and sign in"}
      </Button>
      <FooterLinks>
        <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={onRecovery}>
          Use a recovery code instead
        </button>
      </FooterLinks>
    </form>
  );
}

function RecoveryCodeForm({ next, onBack }: { next: string; onBack: () => void }) {
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(recoveryCodeSchema, (data) => authClient.twoFactor.verifyBackupCode({ code: data.code }), next);
  return (
    <form noValidate className="space-y-4" onSubmit={onSubmit}>
      <h1 className="text-xl font-semibold">Use a recovery code</h1>
      <p className="text-sm text-slate-600">Enter one of the recovery codes you saved when you turned on two-factor. Each code works once.</p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField label="Recovery code" name="code" autoComplete="off" spellCheck={false} autoFocus required error={fieldErrors.code} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Use code and sign in"}
      </Button>
      <FooterLinks>
        <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={onBack}>
          Use the authenticator app instead
        </button>
      </FooterLinks>
    </form>
  );
}

function FooterLinks({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-2 text-sm">
      {children}
      <Link className="text-slate-600 hover:underline" href="/sign-in">
        Start over
      </Link>
    </div>
  );
}
