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
  const largestFirst = (Object.entries(DURATION_UNITS) as Array<[DurationUnit, number]>).reverse();
  for (const [unit, size] of largestFirst) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
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

/** The units a duration input offers, in seconds each. */
export const DURATION_UNITS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/**
 * 300 → { amount: 5, unit: "minutes" }: the largest of the offered units that holds the duration
 * exactly, so an input never shows 604800 for a week (and never rounds a stored value away).
 */
export function splitDuration(seconds: number, units: readonly DurationUnit[]): { amount: number; unit: DurationUnit } {
  const largestFirst = [...units].sort((a, b) => DURATION_UNITS[b] - DURATION_UNITS[a]);
  const exact = largestFirst.find((unit) => seconds !== 0 && seconds % DURATION_UNITS[unit] === 0);
  if (exact) return { amount: seconds / DURATION_UNITS[exact], unit: exact };
  // Nothing fits exactly (90 s offered as minutes/hours): the smallest unit, as a decimal.
  const smallest = largestFirst[largestFirst.length - 1] ?? "seconds";
  return { amount: seconds / DURATION_UNITS[smallest], unit: smallest };
}

/**
 * "5" minutes → 300; "1.5" hours → 5400. Empty or not a number → null (the server then says which
 * field is missing). Fractions are allowed as long as they come to whole seconds.
 */
export function durationSeconds(amount: string, unit: DurationUnit): number | null {
  const text = amount.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const seconds = Number(text) * DURATION_UNITS[unit];
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : null;
}
