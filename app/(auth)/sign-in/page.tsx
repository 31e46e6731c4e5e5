import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed and every device was signed out. Sign in with the new password.",
  "signed-out-everywhere": "You were signed out on every device.",
  "address-verified": "Your email address is confirmed.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; notice?: string }> }) {
  const { next, notice } = await searchParams;
  return <SignInForm next={safeNextPath(next, "/")} notice={notice ? NOTICES[notice] : undefined} />;
}
