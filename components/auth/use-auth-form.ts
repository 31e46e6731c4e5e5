"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { z } from "zod";
import { authErrorMessage } from "@/lib/auth/schema";
import { fieldErrorsOf } from "@/lib/errors";

type AuthResult = { error: { status?: number; code?: string; message?: string } | null };

/**
 * Sign-in and sign-up forms: check the fields with the shared schema in the browser, then call
 * Better Auth's endpoint (rate limited there) and go on to `next`, or show its error in words.
 */
export function useAuthForm<S extends z.ZodType>(schema: S, send: (data: z.output<S>) => Promise<AuthResult>, next: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(e.currentTarget)));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    startTransition(async () => {
      const result = await send(parsed.data);
      if (result.error) setError(authErrorMessage(result.error));
      else router.push(next);
    });
  };
  return { pending, error, fieldErrors, onSubmit };
}
