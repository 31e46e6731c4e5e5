"use client";

import { useState, useTransition } from "react";
import { authClient } from "@/lib/auth/client";
import { authErrorMessage } from "@/lib/auth/schema";
import { Button } from "@/components/ui/button";

export function VerifyAddressButton({ email }: { email: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await authClient.sendVerificationEmail({ email, callbackURL: "/account" });
            setMessage(result.error ? { ok: false, text: authErrorMessage(result.error) } : { ok: true, text: `We sent a confirmation link to ${email}.` });
          })
        }
      >
        {pending ? "Sending…" : "Send confirmation mail"}
      </Button>
      {message ? (
        <span role="status" className={message.ok ? "text-emerald-700" : "text-red-700"}>
          {message.text}
        </span>
      ) : null}
    </>
  );
}
