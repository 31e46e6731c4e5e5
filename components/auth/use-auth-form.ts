"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import { authErrorMessage } from "@/lib/auth/schema";
import { fieldErrorsOf } from "@/lib/errors";
import { formValues } from "@/components/ui/use-action";

export type AuthError = { status?: number; code?: string; message?: string };
type AuthResult<D> = { data?: D | null; error: AuthError | null };

/**
 * The account forms (sign-in, sign-up, two-factor, password reset): check the fields with the
 * shared schema in the browser, then call Better Auth's endpoint (rate limited there) and go on
 * to `next`, or show its error in words. `onSuccess` may pick another destination, or none
 * (null) when the form shows its own result.
 */
export function useAuthForm<S extends z.ZodType, D = unknown>(
  schema: S,
  send: (data: z.output<S>) => Promise<AuthResult<D>>,
  next: string,
  onSuccess?: (data: D | null | undefined) => string | null,
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  /** For an ActionForm's onSubmit. */
  const onSubmit = (form: HTMLFormElement) => {
    const parsed = schema.safeParse(formValues(form));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    startTransition(async () => {
      try {
        const result = await send(parsed.data);
        if (result.error) {
          setError(authErrorMessage(result.error));
          return;
        }
        const destination = onSuccess ? onSuccess(result.data) : next;
        if (destination) router.push(destination);
      } catch {
        setError("The server could not be reached. Check your connection and try again.");
      }
    });
  };
  return { pending, error, setError, fieldErrors, onSubmit };
}
