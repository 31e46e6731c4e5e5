"use client";

import Link from "next/link";
import { useState } from "react";
import { authClient } from "@/lib/auth/client";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/auth/schema";
import { ActionForm } from "@/components/ui/action-form";
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
    <CodeStep
      title="Enter your code"
      intro="Open your authenticator app and enter the 6-digit code it shows for Event sign-in."
      field={<TextField label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus required error={fieldErrors.code} />}
      submitLabel="Verify and sign in"
      switchLabel="Use a recovery code instead"
      onSwitch={onRecovery}
      pending={pending}
      error={error}
      onSubmit={onSubmit}
    />
  );
}

function RecoveryCodeForm({ next, onBack }: { next: string; onBack: () => void }) {
  const { pending, error, fieldErrors, onSubmit } = useAuthForm(recoveryCodeSchema, (data) => authClient.twoFactor.verifyBackupCode({ code: data.code }), next);
  return (
    <CodeStep
      title="Use a recovery code"
      intro="Enter one of the recovery codes you saved when you turned on two-factor. Each code works once."
      field={<TextField label="Recovery code" name="code" autoComplete="off" spellCheck={false} autoFocus required error={fieldErrors.code} />}
      submitLabel="Use code and sign in"
      switchLabel="Use the authenticator app instead"
      onSwitch={onBack}
      pending={pending}
      error={error}
      onSubmit={onSubmit}
    />
  );
}

/** Both ways through the second step look alike: one code field, a submit, and a switch to the other way. */
function CodeStep({
  title,
  intro,
  field,
  submitLabel,
  switchLabel,
  onSwitch,
  pending,
  error,
  onSubmit,
}: {
  title: string;
  intro: string;
  field: React.ReactNode;
  submitLabel: string;
  switchLabel: string;
  onSwitch: () => void;
  pending: boolean;
  error: string | null;
  onSubmit: (form: HTMLFormElement) => void;
}) {
  return (
    <ActionForm className="space-y-4" onSubmit={onSubmit}>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-600">{intro}</p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {field}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : submitLabel}
      </Button>
      <FooterLinks>
        <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={onSwitch}>
          {switchLabel}
        </button>
      </FooterLinks>
    </ActionForm>
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
