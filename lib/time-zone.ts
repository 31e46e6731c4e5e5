/**
 * The admin's own time zone, shown next to UTC (never instead of it: the dashboard, the entry and
 * the attendee pages all state UTC). Pure functions on Intl; no clock of their own.
 */

/** Whether the runtime knows this IANA zone ("Europe/Berlin"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at `instant`, as numbers. */
function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(partsFormat(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds (Berlin in winter: 3,600,000). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The zone's date ("2026-12-01") and time ("15:05") at `instant`: what a date and a time input show. */
export function wallTimeOf(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(instant, timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/**
 * The instant at which the zone's clock shows `date` `time`. A time skipped by a daylight-saving
 * jump resolves to the instant after the jump (02:30 on the spring-forward day → 03:30 local); a
 * time that happens twice resolves to the first. Malformed input → null.
 */
export function instantOfWallTime(date: string, time: string, timeZone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return null; // 31 April and the like
  // The offset depends on the instant we are looking for: try the offsets just before and after.
  const candidates = [...new Set([zoneOffsetMs(new Date(wall - 86_400_000), timeZone), zoneOffsetMs(new Date(wall + 86_400_000), timeZone)])]
    .map((offset) => wall - offset)
    .filter((instant) => {
      const shown = wallTimeOf(new Date(instant), timeZone);
      return shown.date === date && shown.time === time;
    })
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);
  // Skipped by a jump forward: the same wall-clock distance past the jump.
  return new Date(wall - zoneOffsetMs(new Date(wall - 86_400_000), timeZone));
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/** "1 Dec 2026, 15:05 CET": the app's date format, in the admin's zone, with the zone's short name. */
export function formatInZone(date: Date | string, timeZone: string): string {
  let format = zonedFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    zonedFormats.set(timeZone, format);
  }
  return format.format(new Date(date));
}

/** "15:05 CET" next to a UTC time of the same day; "2 Dec, 03:05 NZDT" when the zone's date differs. */
export function formatZoneShort(date: Date | string, timeZone: string): string {
  const instant = new Date(date);
  const full = formatInZone(instant, timeZone); // "2 Dec 2026, 03:05 NZDT"
  const [datePart, timePart] = full.split(", ");
  const sameDay = wallTimeOf(instant, timeZone).date === instant.toISOString().slice(0, 10);
  return sameDay ? timePart! : `${datePart!.split(" ").slice(0, 2).join(" ")}, ${timePart}`;
}
