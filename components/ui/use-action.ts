"use client";

import { useCallback, useState, useTransition } from "react";
import type { ActionResult, ErrorBody } from "@/lib/errors";

/**
 * Runs a server action from a form or button, keeping the form's values (no reset) and exposing
 * the coded error and per-field messages for display.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ErrorBody | null>(null);

  const run = useCallback(
    (input: I, onSuccess?: (data: T) => void) => {
      setError(null);
      startTransition(async () => {
        try {
          const result = await action(input);
          if (result.ok) onSuccess?.(result.data);
          else setError(result.error);
        } catch {
          setError({ code: "INTERNAL", message: "The server could not be reached. Check your connection and try again; nothing was changed." });
        }
      });
    },
    [action],
  );

  const fieldError = useCallback((name: string) => error?.fieldErrors?.[name], [error]);
  return { run, pending, error, fieldError, reset: () => setError(null) };
}

/**
 * A form's values as JSON types, so forms validate with the same schemas as API clients:
 * checkboxes as booleans (unchecked = false), number inputs as numbers (empty = null), and so are
 * inputs marked `data-value-type="number"` (a hidden value a composite control computes).
 */
export function formValues(form: HTMLFormElement): Record<string, string | boolean | number | null> {
  const values: Record<string, string | boolean | number | null> = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (!element.name || element.disabled) continue;
    if (element instanceof HTMLInputElement && element.type === "checkbox") values[element.name] = element.checked;
    else if (element instanceof HTMLInputElement && (element.type === "number" || element.dataset.valueType === "number")) values[element.name] = element.value === "" ? null : Number(element.value);
    else if (element instanceof HTMLInputElement && element.type === "radio") {
      if (element.checked) values[element.name] = element.value;
    } else values[element.name] = element.value;
  }
  return values;
}
