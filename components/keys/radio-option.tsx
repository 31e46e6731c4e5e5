import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** One choice of a radio group, as a bordered card with its explanation (the group is a <fieldset>). */
export function RadioOption({
  name,
  value,
  title,
  children,
  defaultChecked,
  disabled,
}: {
  name: string;
  value: string;
  title: ReactNode;
  children?: ReactNode;
  defaultChecked?: boolean;
  disabled?: boolean;
}) {
  return (
    <label
      className={cn(
        "flex cursor-pointer items-start gap-3 rounded-md px-3 py-2.5 ring-1 ring-inset ring-slate-200 hover:bg-slate-50",
        "has-[:checked]:bg-indigo-50 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600",
      )}
    >
      <input type="radio" name={name} value={value} defaultChecked={defaultChecked} disabled={disabled} className="mt-0.5 size-4 shrink-0 text-indigo-600 focus:ring-indigo-600" />
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
