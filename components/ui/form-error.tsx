"use client";

import { useCallback, useState } from "react";
import type { ErrorBody } from "@/lib/errors";
import { Alert } from "./alert";

const TITLES: Partial<Record<ErrorBody["code"], string>> = {
  VALIDATION: "Please correct the highlighted fields",
  CONFLICT: "That conflicts with something that already exists",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  UNAUTHENTICATED: "Signed out",
  PRECONDITION_FAILED: "This cannot be done right now",
  RATE_LIMITED: "Too many attempts",
};

/** "policy.leewaySeconds" → "Leeway seconds": the fallback when no control of that name is on the page. */
function humanizeFieldKey(key: string): string {
  const last = key.split(".").filter((part) => !/^\d+$/.test(part)).pop() ?? key;
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/**
 * The visible label of the control named `name` in the same form (its own text, without hints or
 * codes); a composite control's hidden value names its label in `data-label`.
 */
function labelOf(scope: ParentNode, name: string): string | undefined {
  const control = scope.querySelector<HTMLInputElement>(`[name="${CSS.escape(name)}"]`);
  const label = control?.labels?.[0];
  const text = label ? [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim() : (control?.dataset.label ?? control?.getAttribute("aria-label"));
  return text || undefined;
}

/**
 * The form-level message for a failed action. It names fields by their label ("Name"), never by the
 * key the server knows them by ("name:"); each field's own message stands next to that field.
 */
export function FormError({ error }: { error: ErrorBody | null }) {
  const [labels, setLabels] = useState<Record<string, string>>({});
  const fieldNames = Object.keys(error?.fieldErrors ?? {});
  const fieldKey = fieldNames.join("\n");
  // Once mounted (and again when other fields are at fault), read the labels of the fields named.
  const readLabels = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element || !fieldKey) return;
      const scope = element.closest("form") ?? document;
      const found: Record<string, string> = {};
      for (const name of fieldKey.split("\n")) {
        const label = labelOf(scope, name);
        if (label) found[name] = label;
      }
      setLabels(found);
    },
    [fieldKey],
  );
  if (!error) return null;
  const name = (key: string) => labels[key] ?? humanizeFieldKey(key);
  let message = error.message;
  if (fieldNames.length > 1) message = `Check ${fieldNames.map(name).join(", ")}. Nothing was saved.`;
  else if (fieldNames.length === 1) {
    const label = name(fieldNames[0]!);
    const fieldMessage = error.fieldErrors![fieldNames[0]!]!;
    // "One-off link lifetime must be …" names its field already.
    message = fieldMessage.toLowerCase().startsWith(label.toLowerCase()) ? fieldMessage : `${label}: ${fieldMessage}`;
  }
  return (
    <div ref={readLabels}>
      <Alert tone="danger" title={TITLES[error.code] ?? "Something went wrong"}>
        {message}
      </Alert>
    </div>
  );
}
