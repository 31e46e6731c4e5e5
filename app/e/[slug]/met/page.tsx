import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { attendeesMetBy } from "@/lib/entry/attendee-session";
import { currentAttendee, presentationFor } from "@/lib/entry/attendee-view";
import { profileFieldsForEvent } from "@/lib/profile/service";
import { AttendeeShell } from "@/components/attendee/attendee-shell";
import { MetCard } from "@/components/profile/met-card";

export const metadata: Metadata = { title: "You met with…", robots: { index: false } };

export default async function MetPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const current = await currentAttendee(slug);
  if (!current) notFound();
  if (!current.session) redirect(`/e/${slug}`);
  const [fields, others] = await Promise.all([profileFieldsForEvent(current.event.id), attendeesMetBy(current.session)]);
  const you = presentationFor(current.session.attendee, fields);
  return (
    <AttendeeShell eventName={current.event.name} wide>
      <div className="space-y-8">
        <section className="space-y-3">
          <h1 className="text-2xl font-semibold text-slate-900">You met with…</h1>
          {others.length === 0 ? (
            <p className="text-slate-600">Nobody else was in the event while you were there.</p>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2" data-testid="met-list">
              {others.map((other) => (
                <MetCard key={other.id} attendee={presentationFor(other.attendee, fields)} />
              ))}
            </div>
          )}
        </section>
        <section className="space-y-3">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Your card, as the people you met see it</h2>
          <MetCard attendee={you} className="sm:max-w-md" />
        </section>
        {current.session.leftAt ? null : (
          <a href={`/e/${slug}/lobby`} className="text-sm font-medium text-indigo-700 hover:underline">
            Back to the lobby
          </a>
        )}
      </div>
    </AttendeeShell>
  );
}
