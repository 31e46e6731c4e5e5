import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PREVIEW_HEADER, decodePreview } from "@/lib/entry/pending";
import { describeInstant } from "@/lib/tokens/reasons";
import { AttendeeShell, ContactLine } from "@/components/attendee/attendee-shell";

export const metadata: Metadata = { title: "Continue", robots: { index: false } };

/**
 * The one-off link's confirmation. Opening the link (GET) consumed nothing; only this button's POST
 * redeems it, so a mail or chat scanner that fetches the link cannot use it up. The entry
 * (lib/entry/http.ts, "preview" step) has already decided the pending link is usable and hands the
 * decision over; this page only shows it.
 */
export default async function ContinuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const preview = decodePreview((await headers()).get(PREVIEW_HEADER));
  if (!preview) redirect(`/e/${slug}`);
  const now = new Date();
  return (
    <AttendeeShell eventName={preview.eventName}>
      <form method="post" action={`/e/${slug}`} className="space-y-5 rounded-xl bg-white p-6 shadow-xs ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">Join {preview.eventName}</h1>
        <p className="text-slate-700">This one-time link signs you in as:</p>
        <p className="text-2xl font-semibold text-slate-900" data-testid="continue-name">
          {preview.displayName}
        </p>
        <button
          type="submit"
          className="inline-flex h-11 w-full items-center justify-center rounded-md bg-indigo-600 px-4 text-base font-medium text-white shadow-xs hover:bg-indigo-500"
        >
          Continue as {preview.displayName}
        </button>
        <p className="text-sm text-slate-600">
          The link works once{preview.expiresAt ? ` and expires at ${describeInstant(preview.expiresAt, now)}` : ""}. If this is not you, close this page.
        </p>
        <ContactLine contact={preview.contact} />
      </form>
    </AttendeeShell>
  );
}
