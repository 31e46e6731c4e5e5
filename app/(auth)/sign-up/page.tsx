import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string }> }) {
  const { next, email } = await searchParams;
  return <SignUpForm next={safeNextPath(next, "/")} email={email ?? ""} />;
}
