import { formatDistanceStrict } from "date-fns";

const UTC_FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const UTC_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "1 Dec 2026, 14:05 UTC": dashboards and attendee pages state times in UTC, never in the server's zone. */
export function formatUtc(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return `${UTC_FORMAT.format(new Date(date))} UTC`;
}

/** "14:05 UTC" */
export function formatUtcTime(date: Date | string): string {
  return `${UTC_TIME.format(new Date(date))} UTC`;
}

/** "6 minutes ago" / "in 4 minutes", with the reference instant passed in so it is testable. */
export function relativeTo(date: Date | string, now: Date): string {
  const d = new Date(date);
  const distance = formatDistanceStrict(d, now, { roundingMethod: "floor" });
  return d.getTime() <= now.getTime() ? `${distance} ago` : `in ${distance}`;
}

/** "5 minutes", "7 days": for policy durations in seconds. */
export function formatDuration(seconds: number): string {
  const units: Array<[number, string]> = [
    [86400, "day"],
    [3600, "hour"],
    [60, "minute"],
    [1, "second"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} seconds`;
}

/** The value of an <input type="datetime-local"> that the form labels as UTC. */
export function toUtcInputValue(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 16) : "";
}

/** "2026-12-01T14:00" typed in a UTC-labelled input → ISO instant ("" stays ""). */
export function fromUtcInputValue(value: string): string {
  return value ? `${value.length === 16 ? `${value}:00` : value}Z` : "";
}
