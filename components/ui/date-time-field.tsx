"use client";

import { useId, useState } from "react";
import { formatUtc } from "@/lib/format";
import { formatZoneShort, instantOfWallTime, wallTimeOf } from "@/lib/time-zone";
import { controlClasses } from "./field";
import { cn } from "./cn";
import { useDisplayTimeZone } from "./time";

/**
 * A date and a time, entered in UTC or in the admin's own zone (Account → Time zone), echoed in the
 * app's own format ("1 Dec 2026, 14:05 UTC · 15:05 CET") whatever the browser's pickers look like.
 * The form submits the instant as ISO 8601 under `name` ("" when empty), as the API takes it.
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
  // A date without a time means the start of that day.
  const instant = date ? instantOfWallTime(date, time || "00:00", zone) : null;
  const submitted = !date && !time ? "" : instant ? instant.toISOString() : `${date}T${time}`;

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
  return (
    <fieldset className={cn("min-w-0 space-y-1", className)}>
      <legend className="block text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap gap-2">
        <input
          type="date"
          aria-label={`${label}: date`}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          className={cn(controlClasses, "min-w-0 flex-1")}
        />
        <input
          type="time"
          step={60}
          aria-label={`${label}: time`}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          className={cn(controlClasses, "w-28")}
        />
        {zones.length > 1 ? (
          <select aria-label={`${label}: time zone`} value={zone} onChange={(e) => changeZone(e.target.value)} className={cn(controlClasses, "max-w-full")}>
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
        ) : (
          (hint ?? "Not set.")
        )}
      </p>
    </fieldset>
  );
}
