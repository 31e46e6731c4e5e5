import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentAttendee } from "@/lib/entry/attendee-view";
import { AttendeeShell, ContactLine } from "@/components/attendee/attendee-shell";

export const metadata: Metadata = { title: "Join the event", robots: { index: false } };

/** /e/{slug} without a token (tokens are handled by proxy.ts before this renders). */
export default async function EventEntryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const current = await currentAttendee(slug);
  if (!current) notFound();
  if (current.session && !current.session.leftAt) redirect(`/e/${slug}/lobby`);
  return (
    <AttendeeShell eventName={current.event.name}>
      <div className="space-y-4 rounded-xl bg-white p-6 shadow-xs ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">Join {current.event.name}</h1>
        <p className="text-slate-700">
          You join this event through the link on the organizer&apos;s website or app, where you are already signed in. Go back there and open the event
          from it; it brings you straight in.
        </p>
        <ContactLine contact={current.event.contact} />
      </div>
    </AttendeeShell>
  );
}
