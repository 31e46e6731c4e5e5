"use client";

import { useId, useState } from "react";
import { formatUtc } from "@/lib/format";
import { formatZoneShort, instantOfWallTime, wallTimeOf } from "@/lib/time-zone";
import { controlClasses } from "./field";
import { cn } from "./cn";
import { useDisplayTimeZone } from "./time";

/**
 * A date and a time, entered in UTC or in the admin's own zone (Account → Time zone), echoed in the
 * app's own format ("1 Dec 2026, 14:05 UTC · 15:05 CET"). Typed as 2027-04-01 and 15:00: the
 * browsers' own pickers follow the computer's locale (mm/dd/yyyy, AM/PM), not the app's 24-hour
 * clock. The form submits the instant as ISO 8601 under `name` ("" when empty), as the API takes it.
 */
export function DateTimeField({
  label,
  name,
  defaultValue,
  error,
  hint,
  className,
}: {
  label: string;
  name: string;
  defaultValue: Date | string | null;
  error?: string;
  hint?: string;
  className?: string;
}) {
  const id = useId();
  const ownZone = useDisplayTimeZone();
  const zones = ownZone && ownZone !== "UTC" ? ["UTC", ownZone] : ["UTC"];
  const [zone, setZone] = useState("UTC");
  const initial = defaultValue ? wallTimeOf(new Date(defaultValue), "UTC") : { date: "", time: "" };
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  // A date without a time means the start of that day; "9:30" is 09:30.
  const instant = date ? instantOfWallTime(date, /^\d:\d{2}$/.test(time) ? `0${time}` : time || "00:00", zone) : null;
  const submitted = !date && !time ? "" : instant ? instant.toISOString() : `${date}T${time}`;
  const unreadable = submitted !== "" && !instant;

  const changeZone = (next: string) => {
    // The instant stays; the inputs show it in the newly chosen zone.
    if (instant) {
      const shown = wallTimeOf(instant, next);
      setDate(shown.date);
      setTime(shown.time);
    }
    setZone(next);
  };

  const describedBy = [error ? `${id}-error` : null, `${id}-echo`].filter(Boolean).join(" ");
  // The date and the time are typed as digits in a fixed pattern; the placeholder is that pattern and caps the length.
  const segmentInput = (part: "date" | "time", pattern: string, value: string, setValue: (next: string) => void, width: string) => (
    <input
      aria-label={`${label}: ${part}`}
      aria-invalid={Boolean(error) || unreadable}
      aria-describedby={describedBy}
      inputMode="numeric"
      autoComplete="off"
      placeholder={pattern}
      maxLength={pattern.length}
      value={value}
      onChange={(e) => setValue(e.target.value.trim())}
      className={cn(controlClasses, width, "shrink-0 tabular-nums")}
    />
  );
  return (
    <fieldset className={cn("min-w-0 space-y-1", className)}>
      <legend className="block text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap gap-2">
        {segmentInput("date", "YYYY-MM-DD", date, setDate, "w-[7.5rem]")}
        {segmentInput("time", "HH:MM", time, setTime, "w-[4.5rem]")}
        {zones.length > 1 ? (
          <select aria-label={`${label}: time zone`} value={zone} onChange={(e) => changeZone(e.target.value)} className={cn(controlClasses, "min-w-[8rem] max-w-full flex-1")}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        ) : (
          <span className="self-center text-sm text-slate-600">UTC</span>
        )}
      </div>
      <input type="hidden" name={name} data-label={label} value={submitted} />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700" data-field-error={name}>
          {error}
        </p>
      ) : null}
      <p id={`${id}-echo`} className="text-xs text-slate-500" data-testid={`${name}-echo`}>
        {instant ? (
          <>
            {formatUtc(instant)}
            {ownZone && ownZone !== "UTC" ? ` · ${formatZoneShort(instant, ownZone)}` : ""}
          </>
        ) : unreadable ? (
          <span className="text-amber-800">Type the date as 2027-04-01 and the time as 15:00 (24-hour clock).</span>
        ) : (
          (hint ?? "Not set.")
        )}
      </p>
    </fieldset>
  );
}
