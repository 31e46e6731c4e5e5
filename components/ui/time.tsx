"use client";

import { createContext, useContext, type ReactNode } from "react";
import { formatUtc } from "@/lib/format";
import { formatZoneShort } from "@/lib/time-zone";

const DisplayTimeZone = createContext<string | null>(null);

/** The signed-in admin's own zone (Account → Time zone), for every <Time> below it. */
export function DisplayTimeZoneProvider({ timeZone, children }: { timeZone: string | null; children: ReactNode }) {
  return <DisplayTimeZone.Provider value={timeZone}>{children}</DisplayTimeZone.Provider>;
}

export function useDisplayTimeZone(): string | null {
  return useContext(DisplayTimeZone);
}

/**
 * An instant as the dashboard states it: "1 Dec 2026, 14:05 UTC", and when the admin chose a zone,
 * "· 15:05 CET" after it. Server and browser render the same text (the zone comes from the account).
 */
export function Time({ value, className }: { value: Date | string | null | undefined; className?: string }) {
  const zone = useDisplayTimeZone();
  if (!value) return <span className={className}>—</span>;
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={iso} className={className}>
      {formatUtc(iso)}
      {/* The admin's zone stays in one piece: a narrow cell wraps before the "·", not inside the zone's time. */}
      {zone && zone !== "UTC" ? (
        <>
          {" "}
          <span className="whitespace-nowrap text-slate-500">· {formatZoneShort(iso, zone)}</span>
        </>
      ) : null}
    </time>
  );
}
