import Link from "next/link";
import type { liveEvents } from "@/lib/activity/queries";

/** The organization home's "Live now": events between their start and end, or with sign-ins in the last 15 minutes. */
export function LiveEvents({ orgSlug, events }: { orgSlug: string; events: Awaited<ReturnType<typeof liveEvents>> }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="live-heading" className="mb-6 space-y-3" data-testid="live-events">
      <h2 id="live-heading" className="flex items-center gap-2 text-base font-semibold text-slate-900">
        <span aria-hidden className="inline-block size-2 animate-pulse rounded-full bg-emerald-500" />
        Live now
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {events.map((event) => (
          <li key={event.id}>
            <Link
              href={`/orgs/${orgSlug}/events/${event.slug}/activity`}
              className="block rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 hover:ring-indigo-300"
            >
              <p className="truncate font-medium text-slate-900">{event.name}</p>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
                {[
                  ["In the event", event.inEventNow],
                  ["Signed in, 15 min", event.signedIn],
                  ["Refused, 15 min", event.refused],
                ].map(([label, value]) => (
                  <div key={label as string}>
                    <dd className={`text-lg font-semibold tabular-nums ${label === "Refused, 15 min" && Number(value) > 0 ? "text-red-700" : "text-slate-900"}`}>{value}</dd>
                    <dt className="text-xs text-slate-600">{label}</dt>
                  </div>
                ))}
              </dl>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
