"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { generateKeyAction } from "@/lib/actions/keys";
import { KEY_LABEL_MAX } from "@/lib/keys/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import type { AddKeyDialogProps } from "./add-key-dialog-props";
import { FormError } from "@/components/ui/form-error";
import { formValues, useAction } from "@/components/ui/use-action";
import { STANDBY_NEXT_STEPS } from "@/lib/keys/rotation";
import { RadioGroup, RadioOption } from "@/components/ui/radio-option";
import { ActivateNowField } from "./activate-now-field";

interface Generated {
  kid: string;
  shortKid: string;
  fingerprint: string;
  status: string;
  fileName: string;
  format: "pkcs1" | "pkcs8";
  keptEncryptedCopy: boolean;
  /** Held only while this dialog is open, then dropped. */
  pem: string;
}

/** Hands the private key to the browser as a file; nothing stays in the page or in a URL afterwards. */
function download(fileName: string, pem: string) {
  const url = URL.createObjectURL(new Blob([pem], { type: "application/x-pem-file" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opened by AddKeyDialogs (the Keys page's one pair of add-key dialogs). */
export function GenerateKeyDialog({ orgSlug, eventSlug, hasActiveKey, open, onOpenChange: setOpen }: AddKeyDialogProps) {
  const router = useRouter();
  const { run, pending, error, fieldError, reset } = useAction(generateKeyAction);
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const [warnUnsaved, setWarnUnsaved] = useState(false);

  const close = () => {
    if (generated && !downloaded && !warnUnsaved) {
      setWarnUnsaved(true);
      return;
    }
    setOpen(false);
    setGenerated(null);
    setDownloaded(false);
    setWarnUnsaved(false);
    reset();
  };

  const formId = "generate-key-form";
  return (
    <>
      <Dialog
        open={open}
        onClose={close}
        size="lg"
        title={generated ? `Key ${generated.shortKid} generated: download its private key now` : "Generate a signing key"}
        description={
          generated
            ? undefined
            : "The dashboard makes an RSA key pair, adds its public key to this event and gives you the private key once, as a file, for your platform to sign attendee tokens with."
        }
        footer={
          generated ? (
            <>
              {warnUnsaved ? (
                <Button variant="danger-outline" onClick={close}>
                  Close without downloading
                </Button>
              ) : null}
              <Button variant={downloaded ? "primary" : "secondary"} onClick={close}>
                {downloaded ? "Done" : "Close"}
              </Button>
            </>
          ) : (
            <DialogFormButtons formId={formId} pending={pending} onCancel={close} submit="Generate key" submitting="Generating…" />
          )
        }
      >
        {generated ? (
          <div className="space-y-4">
            <Alert tone="warning" title="This is the only time the private key is shown">
              {generated.keptEncryptedCopy
                ? "The dashboard keeps an encrypted copy only to sign test links; it never shows or sends it again."
                : "The dashboard keeps no copy. If you lose the file, generate a new key and rotate."}
            </Alert>
            <div className="flex flex-wrap items-center gap-3">
              <Button
                onClick={() => {
                  download(generated.fileName, generated.pem);
                  setDownloaded(true);
                  setWarnUnsaved(false);
                }}
              >
                Download private key
              </Button>
              <code className="font-mono text-xs text-slate-700">{generated.fileName}</code>
              {downloaded ? <span className="text-sm text-emerald-700">Downloaded</span> : null}
            </div>
            {warnUnsaved ? (
              <Alert tone="danger" title="You have not downloaded the private key">
                Without it your platform cannot sign tokens for this key{generated.keptEncryptedCopy ? " (the dashboard's copy only signs test links)" : ""}. Close
                anyway only if you will generate another key.
              </Alert>
            ) : null}
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="text-slate-500">kid</dt>
              <dd className="flex min-w-0 items-center gap-2">
                <code className="min-w-0 break-all font-mono text-xs">{generated.kid}</code>
                <CopyButton value={generated.kid} label="Copy kid" />
              </dd>
              <dt className="text-slate-500">Fingerprint</dt>
              <dd className="break-all font-mono text-xs">{generated.fingerprint}</dd>
              <dt className="text-slate-500">Status</dt>
              <dd>{generated.status === "active" ? "Active: tokens signed with it are accepted now." : "Standby: it verifies nothing until you activate it."}</dd>
            </dl>
            <div className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
              <p className="font-medium text-slate-900">Next</p>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                <li>Store the file as a secret on the servers that sign attendee tokens (never in a browser, email or repository).</li>
                <li>
                  Sign with RS256 and put <code className="font-mono text-xs">kid: &quot;{generated.shortKid}…&quot;</code> (the full kid above) in the token header.
                </li>
                {generated.status !== "active" ? <li>{STANDBY_NEXT_STEPS.replace(/^Next: a/, "A")}</li> : null}
              </ol>
            </div>
          </div>
        ) : (
          <ActionForm
            id={formId}
            className="space-y-5"
            onSubmit={(form) => {
              const values = formValues(form);
              run({ ...(values as Record<string, string>), activate: Boolean(values.activate), orgSlug, eventSlug } as Parameters<typeof generateKeyAction>[0], (data) => {
                setGenerated({
                  kid: data.key.kid,
                  shortKid: data.key.shortKid,
                  fingerprint: data.key.fingerprint,
                  status: data.key.status,
                  fileName: data.privateKey.fileName,
                  format: data.privateKey.format,
                  keptEncryptedCopy: data.keptEncryptedCopy,
                  pem: data.privateKey.pem,
                });
                router.refresh();
              });
            }}
          >
            <RadioGroup legend="Key size" name="bits" error={fieldError("bits")}>
              <div className="grid gap-2 sm:grid-cols-3">
                <RadioOption name="bits" value="2048" title="2048 bits" defaultChecked>
                  The doc&apos;s size; fastest
                </RadioOption>
                <RadioOption name="bits" value="3072" title="3072 bits">
                  Stronger; about a second to make
                </RadioOption>
                <RadioOption name="bits" value="4096" title="4096 bits">
                  Strongest; can take several seconds
                </RadioOption>
              </div>
            </RadioGroup>
            <RadioGroup legend="Private key file" name="privateKeyFormat" error={fieldError("privateKeyFormat")}>
              <div className="grid gap-2 sm:grid-cols-2">
                <RadioOption name="privateKeyFormat" value="pkcs1" title="PKCS#1 (BEGIN RSA PRIVATE KEY)" defaultChecked>
                  What the doc&apos;s ssh-keygen command writes; its Node.js snippet reads it as is.
                </RadioOption>
                <RadioOption name="privateKeyFormat" value="pkcs8" title="PKCS#8 (BEGIN PRIVATE KEY)">
                  For libraries that expect PKCS#8, such as jose&apos;s importPKCS8, Java or Go.
                </RadioOption>
              </div>
            </RadioGroup>
            <RadioGroup legend="Should the dashboard keep a copy of the private key?" name="keepPrivateKey" error={fieldError("keepPrivateKey")}>
              <RadioOption name="keepPrivateKey" value="keep" title="Keep an encrypted copy, so I can issue test links here">
                The copy is encrypted (AES-256-GCM) with this server&apos;s key-encryption key and used only to sign test links. The trade-off: someone who obtained
                both the dashboard&apos;s database and that key could sign in as any attendee.
              </RadioOption>
              <RadioOption name="keepPrivateKey" value="discard" title="Keep no copy: only my download exists">
                Nothing to steal here. Test links from the dashboard then need another key whose copy is kept, and a lost file means generating a new key.
              </RadioOption>
            </RadioGroup>
            <TextField label="Label (optional)" name="label" maxLength={KEY_LABEL_MAX} placeholder="e.g. Production 2027" error={fieldError("label")} />
            <ActivateNowField hasActiveKey={hasActiveKey} />
            {pending ? <p className="text-sm text-slate-600">Generating the key pair on the server; a 4096-bit key can take several seconds.</p> : null}
            <FormError error={error} />
          </ActionForm>
        )}
      </Dialog>
    </>
  );
}
