"use client";

import { useState } from "react";
import { durationSeconds, formatDuration, splitDuration, type DurationUnit } from "@/lib/format";
import { Field, controlClasses } from "./field";
import { cn } from "./cn";

const UNIT_LABELS: Record<DurationUnit, string> = { seconds: "seconds", minutes: "minutes", hours: "hours", days: "days" };

/**
 * A duration typed as an amount and a unit ("5 minutes", "7 days") instead of raw seconds. The form
 * still submits seconds, under `name`, as a number: the server's schema and the API stay in seconds.
 */
export function DurationField({
  label,
  name,
  defaultSeconds,
  units,
  min,
  max,
  error,
  hint,
  className,
}: {
  label: string;
  name: string;
  defaultSeconds: number;
  units: readonly DurationUnit[];
  min: number;
  max: number;
  error?: string;
  hint?: string;
  className?: string;
}) {
  const initial = splitDuration(defaultSeconds, units);
  const [amount, setAmount] = useState(String(initial.amount));
  const [unit, setUnit] = useState<DurationUnit>(initial.unit);
  const seconds = durationSeconds(amount, unit);
  const limits = `From ${formatDuration(min)} to ${formatDuration(max)}.`;
  return (
    <Field label={label} name={name} error={error} hint={hint ? `${hint} ${limits}` : limits} className={className}>
      {(control) => (
        <div className="flex gap-2">
          <input
            id={control.id}
            aria-invalid={control["aria-invalid"]}
            aria-describedby={control["aria-describedby"]}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            className={cn(controlClasses, "w-24 min-w-0 flex-1")}
          />
          <select aria-label={`${label}: unit`} value={unit} onChange={(e) => setUnit(e.target.value as DurationUnit)} className={cn(controlClasses, "shrink-0")}>
            {units.map((u) => (
              <option key={u} value={u}>
                {UNIT_LABELS[u]}
              </option>
            ))}
          </select>
          {/* What the form sends: whole seconds, as the API takes them. */}
          <input type="hidden" name={control.name} data-label={label} value={seconds === null ? "" : String(seconds)} data-value-type="number" />
        </div>
      )}
    </Field>
  );
}
