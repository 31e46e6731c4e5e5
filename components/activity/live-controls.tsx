"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useUrlState } from "@/components/ui/data-table";
import { controlClasses, inputClasses } from "@/components/ui/field";
import { fromUtcInputValue, toUtcInputValue } from "@/lib/format";
import { ACTIVITY_WINDOWS } from "@/lib/activity/schema";
import { WINDOW_LABELS } from "@/lib/activity/window";

/** How often the open Activity tab asks the server for fresh figures. */
export const LIVE_REFRESH_MS = 4_000;

/**
 * The window picker and the live switch. While live, the server component re-renders every few
 * seconds (router.refresh keeps scroll, filters and open details); "Pause" stops it.
 */
export function LiveControls({ windowName, from, to, renderedAt, hasEventWindow }: { windowName: string; from: string; to: string; renderedAt: string; hasEventWindow: boolean }) {
  const router = useRouter();
  const url = useUrlState();
  const [live, setLive] = useState(true);
  const [, startTransition] = useTransition();
  const [custom, setCustom] = useState({ from: toUtcInputValue(new Date(from)), to: toUtcInputValue(new Date(to)) });

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => startTransition(() => router.refresh()), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, router]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-800">Window</span>
        <select
          className={controlClasses}
          value={windowName}
          onChange={(e) => {
            const value = e.target.value;
            if (value === "custom") url.set({ window: "custom", from: fromUtcInputValue(custom.from), to: fromUtcInputValue(custom.to) });
            else url.set({ window: value, from: null, to: null });
          }}
        >
          {ACTIVITY_WINDOWS.filter((w) => w !== "event" || hasEventWindow).map((w) => (
            <option key={w} value={w}>
              {WINDOW_LABELS[w]}
            </option>
          ))}
        </select>
      </label>
      {windowName === "custom" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            url.set({ window: "custom", from: fromUtcInputValue(custom.from), to: fromUtcInputValue(custom.to) });
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-800">From (UTC)</span>
            <input type="datetime-local" className={inputClasses} value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-800">To (UTC)</span>
            <input type="datetime-local" className={inputClasses} value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </label>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
      ) : null}
      <div className="ml-auto flex items-center gap-3">
        <p className="text-xs text-slate-600" role="status" aria-live="polite" data-testid="live-status">
          {live ? (
            <>
              <span className="mr-1.5 inline-block size-2 animate-pulse rounded-full bg-emerald-500 align-middle" aria-hidden />
              Live · updated {renderedAt.slice(11, 19)} UTC
            </>
          ) : (
            <>Paused at {renderedAt.slice(11, 19)} UTC</>
          )}
        </p>
        <Button variant="secondary" size="sm" onClick={() => setLive(!live)} aria-pressed={!live}>
          {live ? "Pause" : "Resume"}
        </Button>
      </div>
    </div>
  );
}
