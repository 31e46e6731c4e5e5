"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { uploadPublicKeyAction } from "@/lib/actions/keys";
import { KEY_LABEL_MAX } from "@/lib/keys/schema";
import { DOC_PUBOUT_COMMAND, MAX_KEY_INPUT_BYTES, precheckKeyText, refusals, type KeyRefusal } from "@/lib/keys/refusals";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import type { AddKeyDialogProps } from "./add-key-dialog-props";
import { KeyDropBox } from "@/components/ui/key-drop-box";
import { formValues, useAction } from "@/components/ui/use-action";
import { STANDBY_NEXT_STEPS } from "@/lib/keys/rotation";
import { RefusalAlert } from "./refusal-alert";
import { ActivateNowField } from "./activate-now-field";

const FORMAT_NAMES: Record<string, string> = {
  spki: "a PEM public key",
  pkcs1: "a PKCS#1 PEM public key",
  openssh: "an OpenSSH public key",
  jwk: "a JWK",
  jwks: "a JWKS with one key",
};

interface Added {
  shortKid: string;
  fingerprint: string;
  status: string;
  format: string;
}

/** Opened by AddKeyDialogs (the Keys page's one pair of add-key dialogs). */
export function PasteKeyDialog({ orgSlug, eventSlug, hasActiveKey, open, onOpenChange: setOpen }: AddKeyDialogProps) {
  const router = useRouter();
  const { run, pending, error, reset } = useAction(uploadPublicKeyAction);
  const [text, setText] = useState("");
  const [localRefusal, setLocalRefusal] = useState<KeyRefusal | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const formId = "paste-key-form";

  const close = () => {
    setOpen(false);
    setText("");
    setLocalRefusal(null);
    setAdded(null);
    reset();
  };

  /** A private key is caught here and never sent: the field is emptied so it cannot be submitted by mistake. */
  const accept = (value: string) => {
    reset();
    const refusal = precheckKeyText(value);
    if (refusal && refusal.reason !== "empty") {
      setLocalRefusal(refusal);
      setText("");
      return;
    }
    setLocalRefusal(null);
    setText(value);
  };

  return (
    <>
      <Dialog
        open={open}
        onClose={close}
        size="lg"
        title={added ? `Key ${added.shortKid} added` : "Add a public key"}
        description={added ? undefined : "Paste the public half of the key pair your platform signs attendee tokens with, or drop its file here."}
        footer={
          added ? (
            <Button onClick={close}>Done</Button>
          ) : (
            <DialogFormButtons formId={formId} pending={pending} onCancel={close} submit="Add public key" submitting="Checking…" />
          )
        }
      >
        {added ? (
          <div className="space-y-3">
            <Alert tone="success" title={`Recognised ${FORMAT_NAMES[added.format] ?? "a public key"}`}>
              {added.status === "active"
                ? "It is active: tokens signed with its private key are accepted now."
                : `It is on standby: tokens signed with it are refused until you activate it. ${STANDBY_NEXT_STEPS}`}
            </Alert>
            <p className="text-sm text-slate-700">
              Fingerprint <code className="break-all font-mono text-xs">{added.fingerprint}</code>
            </p>
          </div>
        ) : (
          <ActionForm
            id={formId}
            className="space-y-4"
            onSubmit={(form) => {
              const refusal = precheckKeyText(text);
              if (refusal) {
                setLocalRefusal(refusal);
                if (refusal.reason === "private_key") setText("");
                return;
              }
              const values = formValues(form);
              run({ orgSlug, eventSlug, publicKey: text, label: String(values.label ?? ""), activate: Boolean(values.activate) }, (data) => {
                setAdded({ shortKid: data.key.shortKid, fingerprint: data.key.fingerprint, status: data.key.status, format: data.format });
                setText("");
                router.refresh();
              });
            }}
          >
            <div className="space-y-1">
              <KeyDropBox
                label="Public key"
                name="publicKey"
                rows={8}
                value={text}
                onText={accept}
                maxBytes={MAX_KEY_INPUT_BYTES}
                onTooLarge={(bytes) => {
                  reset();
                  setLocalRefusal(refusals.tooLong(bytes));
                }}
                invalid={Boolean(localRefusal || error)}
                placeholder={"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…\n-----END PUBLIC KEY-----\n\nor: ssh-rsa AAAAB3NzaC1yc2E… you@host\nor: a JWK {\"kty\":\"RSA\",\"n\":\"…\",\"e\":\"AQAB\"}"}
                chooseFile={{ accept: ".pub,.pem,.json,.jwk,.txt", label: "Public key file", types: "(.pub, .pem, .json)" }}
              />
            </div>
            <RefusalAlert refusal={localRefusal} error={localRefusal ? null : error} />
            <details className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
              <summary className="cursor-pointer font-medium text-slate-900">Which file is the public key?</summary>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                <li>
                  <code className="font-mono text-xs">frameable.pub.pem</code>, written by{" "}
                  <code className="break-all font-mono text-xs">{DOC_PUBOUT_COMMAND}</code>
                </li>
                <li>
                  <code className="font-mono text-xs">frameable.key.pub</code>, the <code className="font-mono text-xs">ssh-rsa …</code> line ssh-keygen writes beside the key
                </li>
                <li>A BEGIN RSA PUBLIC KEY block, a JWK, or a JWKS holding one key</li>
                <li>
                  Never <code className="font-mono text-xs">frameable.key</code> itself: that is the private key. It is refused in this browser and never sent.
                </li>
              </ul>
            </details>
            <TextField label="Label (optional)" name="label" maxLength={KEY_LABEL_MAX} placeholder="e.g. Production 2027" />
            <ActivateNowField hasActiveKey={hasActiveKey} />
          </ActionForm>
        )}
      </Dialog>
    </>
  );
}
