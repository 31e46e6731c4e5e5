import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { displayTimeZoneOf } from "@/lib/accounts/preferences";
import { AppHeader } from "@/components/shell/app-header";
import { DisplayTimeZoneProvider } from "@/components/ui/time";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("/account");
  const timeZone = await displayTimeZoneOf(user.id);
  return (
    <DisplayTimeZoneProvider timeZone={timeZone}>
      <AppHeader email={user.email}>
        <Link href="/orgs" className="text-sm font-medium text-slate-700 hover:underline">
          ← Organizations
        </Link>
      </AppHeader>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-6 outline-none sm:px-6">{children}</main>
    </DisplayTimeZoneProvider>
  );
}
