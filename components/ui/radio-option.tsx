import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * One choice of a radio group, as a bordered card with its explanation (the group is a <fieldset>).
 * Uncontrolled with `defaultChecked` inside a form, or controlled with `checked` and `onSelect`.
 * The danger tone marks a choice with consequences (a long-lived link) in red once chosen.
 */
export function RadioOption({
  name,
  value,
  title,
  children,
  defaultChecked,
  checked,
  onSelect,
  disabled,
  tone = "default",
}: {
  name: string;
  value: string;
  title: ReactNode;
  children?: ReactNode;
  defaultChecked?: boolean;
  checked?: boolean;
  onSelect?: () => void;
  disabled?: boolean;
  tone?: "default" | "danger";
}) {
  return (
    <label
      className={cn(
        "flex items-start gap-3 rounded-md px-3 py-2.5 ring-1 ring-inset ring-slate-200",
        disabled ? "cursor-not-allowed bg-slate-50 opacity-70" : "cursor-pointer hover:bg-slate-50",
        !disabled && (tone === "danger" ? "has-[:checked]:bg-red-50 has-[:checked]:ring-2 has-[:checked]:ring-red-600" : "has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600"),
      )}
    >
      <input type="radio" {...{ name, value, defaultChecked, checked, disabled }} onChange={onSelect} className="mt-0.5 size-4 shrink-0 text-indigo-600 focus:ring-indigo-600" />
      <span className="min-w-0 text-sm">
        <span className="block font-medium text-slate-900">{title}</span>
        {children ? <span className="mt-0.5 block text-slate-600">{children}</span> : null}
      </span>
    </label>
  );
}

export function RadioGroup({ legend, error, children, name }: { legend: ReactNode; error?: string; children: ReactNode; name: string }) {
  return (
    <fieldset className="space-y-2" aria-invalid={Boolean(error)}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {children}
      {error ? (
        <p className="text-sm text-red-700" data-field-error={name}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
