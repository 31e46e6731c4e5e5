import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-6 text-lg font-semibold text-slate-900">
        <span aria-hidden className="mr-2 inline-block rounded bg-indigo-600 px-1.5 py-0.5 text-xs font-bold text-white">JWT</span>
        Event sign-in
      </Link>
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200">{children}</div>
    </main>
  );
}
