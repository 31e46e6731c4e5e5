import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ email, children }: { email: string; children?: ReactNode }) {
  return (
    <>
      {/* The first stop for keyboard users: past the header and the navigation, to the page itself. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow-md focus:ring-2 focus:ring-indigo-600"
      >
        Skip to content
      </a>
        <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <span aria-hidden className="rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-bold text-white">JWT</span>
            <span className="sr-only sm:not-sr-only">Event sign-in</span>
          </Link>
          <div className="order-last flex w-full min-w-0 items-center gap-3 sm:order-none sm:w-auto sm:flex-1">{children}</div>
          <Link href="/account" className="hidden truncate text-sm text-slate-600 hover:text-slate-900 hover:underline md:inline" title={`${email}: account and security`}>
            {email}
          </Link>
          <Link href="/account" className="text-sm font-medium text-slate-700 hover:underline md:hidden">
            Account
          </Link>
          <div className="ml-auto sm:ml-0">
            <SignOutButton />
          </div>
        </div>
      </header>
    </>
  );
}
