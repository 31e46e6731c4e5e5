"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/** A modal on the native <dialog> element: focus trapping, Escape and the backdrop come from the browser. */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  tone = "default",
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  size?: "md" | "lg";
  tone?: "default" | "danger";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-lg bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200",
        size === "lg" ? "max-w-2xl" : "max-w-lg",
      )}
    >
      {open ? (
        <div>
          <div className={cn("border-b px-5 py-4", tone === "danger" ? "border-red-200 bg-red-50" : "border-slate-200")}>
            <h2 id={titleId} className={cn("text-base font-semibold", tone === "danger" ? "text-red-900" : "text-slate-900")}>
              {title}
            </h2>
            {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
          </div>
          {children ? <div className="max-h-[70vh] overflow-y-auto px-5 py-4 text-sm">{children}</div> : null}
          {footer ? <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}

/** A dialog footer's Cancel and the submit button of the form inside the dialog (the footer sits outside the form, so it names it). */
export function DialogFormButtons({ formId, pending, onCancel, submit, submitting }: { formId: string; pending: boolean; onCancel: () => void; submit: string; submitting: string }) {
  return (
    <>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" form={formId} disabled={pending}>
        {pending ? submitting : submit}
      </Button>
    </>
  );
}
