"use client";

import { useId, useState } from "react";
import type { PresentedAttendee } from "@/lib/profile/present";
import { HeadlineRule } from "./headline-rule";
import { MetCard } from "./met-card";
import { StreamTile } from "./stream-tile";

/**
 * The stream tile and the "You met with…" card for one attendee, with the headline rule beside
 * them and a switch that pins the hover details open. Shared by the fields page, the test-link
 * form and the token debugger.
 */
export function AttendeePreview({ attendee, loadImage = true }: { attendee: PresentedAttendee; loadImage?: boolean }) {
  const [revealed, setRevealed] = useState(false);
  const switchId = useId();
  const hidden = attendee.hoverFields.length;
  return (
    <div className="space-y-5">
      <section aria-labelledby={`${switchId}-tile`} className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={`${switchId}-tile`} className="text-sm font-semibold text-slate-900">
            Stream tile
          </h3>
          <label htmlFor={switchId} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              id={switchId}
              type="checkbox"
              checked={revealed}
              onChange={(e) => setRevealed(e.target.checked)}
              className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
            />
            Show hover details
          </label>
        </div>
        <div className="rounded-xl bg-slate-100 p-3 ring-1 ring-inset ring-slate-200 sm:p-4">
          <StreamTile attendee={attendee} revealed={revealed} loadImage={loadImage} className="mx-auto max-w-md" />
        </div>
        <p className="text-xs text-slate-500">
          {hidden > 0
            ? `Hover over the tile, or Tab to it, to see the other ${hidden === 1 ? "field" : `${hidden} fields`} as attendees do.`
            : "No other field to reveal on hover."}
        </p>
        <HeadlineRule className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-950 ring-1 ring-inset ring-indigo-100" />
      </section>
      <section aria-labelledby={`${switchId}-met`} className="space-y-2">
        <h3 id={`${switchId}-met`} className="text-sm font-semibold text-slate-900">
          “You met with…” card
        </h3>
        <MetCard attendee={attendee} loadImage={loadImage} />
        <p className="text-xs text-slate-500">Shown to people who met this attendee, after the event. Twitter / X, LinkedIn and web-link fields become links.</p>
      </section>
    </div>
  );
}
