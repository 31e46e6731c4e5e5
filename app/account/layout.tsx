import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "@/components/shell/app-header";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("/account");
  return (
    <>
      <AppHeader email={user.email}>
        <Link href="/orgs" className="text-sm font-medium text-slate-700 hover:underline">
          ← Organizations
        </Link>
      </AppHeader>
      <main className="mx-auto max-w-3xl px-4 py-6 sm:px-6">{children}</main>
    </>
  );
}
