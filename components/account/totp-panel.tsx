"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage, passwordConfirmSchema, totpCodeSchema } from "@/lib/auth/schema";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/errors";
import { QrCode } from "@/components/links/qr-code";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyableValue, CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";

type Step =
  | { kind: "idle" }
  | { kind: "password"; purpose: "enable" | "disable" | "codes" }
  | { kind: "scan"; totpURI: string; secret: string; backupCodes: string[] }
  | { kind: "codes"; backupCodes: string[]; justEnabled: boolean };

/**
 * Turning the authenticator app on: password → scan the QR code (or type the key) → confirm with
 * a code → save the recovery codes (shown once). Off, and new recovery codes, need the password.
 */
export function TotpPanel({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = <S extends z.ZodType,>(schema: S, form: HTMLFormElement, then: (data: z.output<S>) => Promise<void>) => {
    const parsed = schema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    start(() => then(parsed.data));
  };

  if (step.kind === "password") {
    const labels = { enable: "Continue", disable: "Turn off two-factor", codes: "Make new recovery codes" } as const;
    return (
      <ActionForm
        className="max-w-md space-y-4"
        onSubmit={(form) =>
          submit(passwordConfirmSchema, form, async ({ password }) => {
            if (step.purpose === "enable") {
              const result = await authClient.twoFactor.enable({ password });
              if (result.error) return setError(authErrorMessage(result.error));
              if (!("totpURI" in result.data)) return setError("The server did not offer authenticator-app setup. Try again in a moment.");
              const secret = new URL(result.data.totpURI).searchParams.get("secret") ?? "";
              setStep({ kind: "scan", totpURI: result.data.totpURI, secret, backupCodes: result.data.backupCodes });
            } else if (step.purpose === "disable") {
              const result = await authClient.twoFactor.disable({ password });
              if (result.error) return setError(authErrorMessage(result.error));
              setStep({ kind: "idle" });
              router.refresh();
            } else {
              const result = await authClient.twoFactor.generateBackupCodes({ password });
              if (result.error) return setError(authErrorMessage(result.error));
              setStep({ kind: "codes", backupCodes: result.data.backupCodes, justEnabled: false });
            }
          })
        }
      >
        {step.purpose === "disable" ? (
          <Alert tone="warning">Sign-in will ask only for your password again. Your recovery codes stop working.</Alert>
        ) : step.purpose === "codes" ? (
          <Alert tone="warning">Your current recovery codes stop working once the new ones are made.</Alert>
        ) : null}
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <TextField label="Your password" name="password" type="password" autoComplete="current-password" autoFocus required error={fieldErrors.password} />
        <CheckOrCancel pending={pending} label={labels[step.purpose]} variant={step.purpose === "disable" ? "danger" : "primary"} onCancel={() => setStep({ kind: "idle" })} />
      </ActionForm>
    );
  }

  if (step.kind === "scan") {
    return (
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <div className="max-w-56">
          <QrCode value={step.totpURI} label="QR code for your authenticator app" />
        </div>
        <ActionForm
          className="space-y-4"
          onSubmit={(form) =>
            submit(totpCodeSchema, form, async ({ code }) => {
              const result = await authClient.twoFactor.verifyTotp({ code });
              if (result.error) return setError(authErrorMessage(result.error));
              setStep({ kind: "codes", backupCodes: step.backupCodes, justEnabled: true });
            })
          }
        >
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>Scan the QR code with your authenticator app.</li>
            <li>
              Cannot scan? Enter this key in the app instead:
              <CopyableValue
                as="span"
                className="mt-1 flex flex-wrap items-center gap-2"
                codeClassName="break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs"
                testId="totp-secret"
                value={step.secret}
                copyLabel="Copy key"
              />
            </li>
            <li>Enter the 6-digit code the app now shows, to confirm it works.</li>
          </ol>
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <TextField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" required error={fieldErrors.code} className="max-w-48" />
          <CheckOrCancel pending={pending} label="Turn on two-factor" onCancel={() => setStep({ kind: "idle" })} />
        </ActionForm>
      </div>
    );
  }

  if (step.kind === "codes") {
    const all = step.backupCodes.join("\n");
    return (
      <div className="space-y-4">
        <Alert tone={step.justEnabled ? "success" : "info"} title={step.justEnabled ? "Two-factor is on" : "New recovery codes"}>
          Save these recovery codes somewhere safe (a password manager). Each works once, instead of a code from the app, if you lose your phone.
          They are shown only now.
        </Alert>
        <ul className="grid max-w-md grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
          {step.backupCodes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1 text-center">
              {c}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <CopyButton value={all} label="Copy codes" size="md" />
          <Button
            variant="secondary"
            onClick={() => {
              const url = URL.createObjectURL(new Blob([`Event sign-in recovery codes\n\n${all}\n`], { type: "text/plain" }));
              const a = Object.assign(document.createElement("a"), { href: url, download: "event-sign-in-recovery-codes.txt" });
              a.click();
              URL.revokeObjectURL(url);
            }}
          >
            Download
          </Button>
          <Button
            onClick={() => {
              setStep({ kind: "idle" });
              router.refresh();
            }}
          >
            I saved them
          </Button>
        </div>
      </div>
    );
  }

  return enabled ? (
    <div className="flex flex-wrap items-center gap-3">
      <Badge tone="green">On</Badge>
      <span className="text-sm text-slate-600">Sign-in asks for a code after your password.</span>
      <div className="flex flex-wrap gap-2 sm:ml-auto">
        <Button size="sm" variant="secondary" onClick={() => setStep({ kind: "password", purpose: "codes" })}>
          New recovery codes
        </Button>
        <Button size="sm" variant="danger-outline" onClick={() => setStep({ kind: "password", purpose: "disable" })}>
          Turn off
        </Button>
      </div>
    </div>
  ) : (
    <div className="flex flex-wrap items-center gap-3">
      <Badge tone="amber">Off</Badge>
      <Button size="sm" className="sm:ml-auto" onClick={() => setStep({ kind: "password", purpose: "enable" })}>
        Set up authenticator app
      </Button>
    </div>
  );
}

/** A step's submit (which checks the password or code while pending) and the way back to the panel. */
function CheckOrCancel({ pending, label, variant = "primary", onCancel }: { pending: boolean; label: string; variant?: "primary" | "danger"; onCancel: () => void }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Checking…" : label}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
