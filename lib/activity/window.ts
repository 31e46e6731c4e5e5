import type { ActivityWindowName } from "./schema";

export interface ActivityWindow {
  name: ActivityWindowName;
  from: Date;
  to: Date;
  bucket: "minute" | "hour";
  label: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Up to this span the charts show minutes; longer windows show hours. */
export const MINUTE_BUCKETS_UP_TO_MS = 6 * HOUR;

export const WINDOW_LABELS: Record<ActivityWindowName, string> = {
  "15m": "Last 15 minutes",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  event: "The event's start to end",
  custom: "Custom",
};

function bucketFor(from: Date, to: Date): "minute" | "hour" {
  return to.getTime() - from.getTime() <= MINUTE_BUCKETS_UP_TO_MS ? "minute" : "hour";
}

/**
 * The Activity tab's window from its URL (?window=&from=&to=). Anything unusable falls back to the
 * last hour, so a hand-edited URL still shows something. "event" needs the event's start (its end,
 * or now while it runs); a custom window needs from < to.
 */
export function resolveWindow(
  params: { window?: string; from?: string; to?: string },
  event: { startsAt: Date | null; endsAt: Date | null },
  now: Date,
): ActivityWindow {
  const name = params.window as ActivityWindowName | undefined;
  const back = (ms: number, n: ActivityWindowName): ActivityWindow => {
    const from = new Date(now.getTime() - ms);
    return { name: n, from, to: now, bucket: bucketFor(from, now), label: WINDOW_LABELS[n] };
  };
  if (name === "15m") return back(15 * MINUTE, "15m");
  if (name === "24h") return back(24 * HOUR, "24h");
  if (name === "event" && event.startsAt) {
    const to = event.endsAt && event.endsAt < now ? event.endsAt : now;
    const from = event.startsAt < to ? event.startsAt : new Date(to.getTime() - HOUR);
    return { name, from, to, bucket: bucketFor(from, to), label: WINDOW_LABELS.event };
  }
  if (name === "custom") {
    const from = new Date(params.from ?? "");
    const to = new Date(params.to ?? "");
    if (Number.isFinite(from.getTime()) && Number.isFinite(to.getTime()) && from < to) {
      return { name, from, to, bucket: bucketFor(from, to), label: WINDOW_LABELS.custom };
    }
  }
  return back(HOUR, "1h");
}
