import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page does not exist, or it belongs to an organization you are not a member of.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-indigo-700 hover:underline">
        Back to your organizations
      </Link>
    </main>
  );
}
