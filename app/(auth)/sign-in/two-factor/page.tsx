import type { Metadata } from "next";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { safeNextPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return <TwoFactorForm next={safeNextPath(next, "/")} />;
}
