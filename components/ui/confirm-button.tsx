"use client";

import { useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { Dialog } from "./dialog";
import { inputClasses } from "./field";
import { FormError } from "./form-error";
import type { ErrorBody } from "@/lib/errors";

/**
 * A button whose action waits for a confirmation that explains the consequence. With
 * `confirmText`, the user types it (e.g. the event's slug) before the action is enabled.
 */
export function ConfirmButton({
  label,
  title,
  consequence,
  confirmLabel,
  confirmText,
  variant = "danger-outline",
  tone = "danger",
  size = "sm",
  pending,
  error,
  onConfirm,
  disabled,
}: {
  label: ReactNode;
  title: ReactNode;
  consequence: ReactNode;
  confirmLabel: string;
  confirmText?: string;
  variant?: ButtonVariant;
  tone?: "default" | "danger";
  size?: "sm" | "md";
  pending?: boolean;
  error?: ErrorBody | null;
  onConfirm: (typed: string, close: () => void) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const close = () => {
    setOpen(false);
    setTyped("");
  };
  const ready = confirmText === undefined || typed.trim() === confirmText;
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)} disabled={disabled}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={title}
        tone={tone}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button
              variant={tone === "danger" ? "danger" : "primary"}
              disabled={!ready || pending}
              onClick={() => onConfirm(typed.trim(), close)}
            >
              {pending ? "Working…" : confirmLabel}
            </Button>
          </>
        }
      >
        <div className="space-y-3">
          <div className="text-slate-700">{consequence}</div>
          {confirmText !== undefined ? (
            <label className="block space-y-1">
              <span className="text-sm text-slate-700">
                Type <code className="rounded bg-slate-100 px-1 font-mono">{confirmText}</code> to confirm
              </span>
              <input className={inputClasses} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            </label>
          ) : null}
          <FormError error={error ?? null} />
        </div>
      </Dialog>
    </>
  );
}
