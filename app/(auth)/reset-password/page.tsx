import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";

// The token is in this page's address: never send it on as a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const { token, error } = await searchParams;
  if (error || !token) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">This reset link does not work</h1>
        <Alert tone="danger">
          It has expired or was already used: a reset link works once, for 30 minutes. Your password was not changed.
        </Alert>
        <Link className="block text-center text-sm font-medium text-indigo-700 hover:underline" href="/forgot-password">
          Request a new link
        </Link>
      </div>
    );
  }
  return <ResetPasswordForm token={token} />;
}
