"use client";

import { useEffect, useState } from "react";
import { describeDuration } from "@/lib/tokens/reasons";
import { Time } from "@/components/ui/time";

/** "4:59" under an hour, "6 days and 23 hours" beyond: how long until the link stops working. */
export function remainingText(seconds: number): string {
  if (seconds <= 0) return "expired";
  if (seconds < 3600) return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return describeDuration(seconds);
}

/** The link's expiry, counting down every second in the admin's browser. */
export function Countdown({ expiresAt }: { expiresAt: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);
  const end = Date.parse(expiresAt);
  const seconds = now === null ? null : Math.max(0, Math.ceil((end - now) / 1000));
  return (
    <p className="text-sm text-slate-700" data-testid="link-countdown">
      {seconds === 0 ? (
        <span className="font-semibold text-red-700">Expired at <Time value={expiresAt} /></span>
      ) : (
        <>
          Expires in{" "}
          <span role="timer" className="font-mono font-semibold tabular-nums text-slate-900">
            {seconds === null ? "…" : remainingText(seconds)}
          </span>{" "}
          <span className="text-slate-500">(<Time value={expiresAt} />)</span>
        </>
      )}
    </p>
  );
}
