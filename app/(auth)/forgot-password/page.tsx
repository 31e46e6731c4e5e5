import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { RESET_LINK_MINUTES } from "@/lib/auth/config";
import { mailer, MAIL_UNAVAILABLE_MESSAGE } from "@/lib/mail";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  // Rendered per request: whether mail can be sent is the running server's SMTP_URL, not the build's.
  await connection();
  if (!mailer.canSend) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Forgot your password?</h1>
        <Alert tone="warning" title="Password reset by email is not available">
          {MAIL_UNAVAILABLE_MESSAGE} Until then, an administrator can set a new password with{" "}
          <code className="font-mono">npm run cli -- create-admin</code> on the server.
        </Alert>
        <Link className="block text-center text-sm font-medium text-indigo-700 hover:underline" href="/sign-in">
          Back to sign-in
        </Link>
      </div>
    );
  }
  return <ForgotPasswordForm minutes={RESET_LINK_MINUTES} />;
}
