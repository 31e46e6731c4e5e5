import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentAttendee, presentStoredAttendee } from "@/lib/entry/attendee-view";
import { ALREADY_IN_PARAM } from "@/lib/entry/pending";
import { ROLE_INFO } from "@/lib/profile/roles";
import { AttendeeShell } from "@/components/attendee/attendee-shell";
import { StreamTile } from "@/components/profile/stream-tile";

export const metadata: Metadata = { title: "Lobby", robots: { index: false } };

export default async function LobbyPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const alreadyIn = (await searchParams)[ALREADY_IN_PARAM] !== undefined;
  const current = await currentAttendee(slug);
  if (!current) notFound();
  if (!current.session) redirect(`/e/${slug}`);
  if (current.session.leftAt) redirect(`/e/${slug}/met`);
  const { claims, notes } = current.session.attendee;
  const attendee = await presentStoredAttendee(current.event.id, current.session.attendee);
  return (
    <AttendeeShell eventName={current.event.name} wide>
      <div className="grid gap-8 md:grid-cols-[3fr_2fr]">
        <section aria-labelledby="you-heading" className="space-y-3">
          {alreadyIn && (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200" data-testid="already-in">
              <span className="font-semibold">You&apos;re already in.</span> This one-time link signed you in earlier in this browser, so here is your lobby.
            </p>
          )}
          <h1 id="you-heading" className="text-xl font-semibold text-slate-900">
            Welcome, {claims.displayName}
          </h1>
          <p className="text-sm text-slate-600" data-testid="tile-hint">
            This is your stream as other attendees see it.{" "}
            {/* Touch screens cannot hover: they are told to tap (a tap focuses the tile, which shows the rest). */}
            <span className="pointer-coarse:hidden">Hover over it (or focus it) to see the rest of your profile.</span>
            <span className="hidden pointer-coarse:inline">Tap it to see the rest of your profile.</span>
          </p>
          <StreamTile attendee={attendee} />
        </section>
        <aside className="space-y-5">
          <section className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-slate-200">
            <h2 className="text-sm font-semibold text-slate-900">Your roles</h2>
            {claims.roles.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Attendee: you can watch, talk in rooms and share your contact if you choose.</p>
            ) : (
              <ul className="mt-2 space-y-2" data-testid="lobby-roles">
                {claims.roles.map((role) => (
                  <li key={role} className="text-sm">
                    <span className="font-medium text-slate-900">{ROLE_INFO[role].label}</span>
                    <span className="text-slate-600"> – {ROLE_INFO[role].description}</span>
                  </li>
                ))}
              </ul>
            )}
            {notes
              .filter((n) => n.code === "role_not_enabled")
              .map((note) => (
                <p key={note.message} className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-200">
                  {note.message}
                </p>
              ))}
          </section>
          <form method="post" action={`/e/${slug}/leave`}>
            <button type="submit" className="inline-flex h-10 w-full items-center justify-center rounded-md bg-white px-4 text-sm font-medium text-slate-800 shadow-xs ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Leave the event
            </button>
          </form>
        </aside>
      </div>
    </AttendeeShell>
  );
}
