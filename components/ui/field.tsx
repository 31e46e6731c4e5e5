import { useId, useState, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

/** Input look without a width, for inline controls; `inputClasses` adds full width for form fields. */
export const controlClasses =
  "block rounded-md border-0 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500 disabled:bg-slate-50 disabled:text-slate-500";

export const inputClasses = `${controlClasses} w-full`;

interface FieldProps {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** "12 / 80" under the control, for fields with a maximum length. */
  count?: { length: number; max: number };
  children: (controlProps: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/**
 * A labelled control with its hint and its error, wired for screen readers. While an error shows,
 * it stands in for the hint: error messages say what to do, and saying it twice is noise.
 */
export function Field({ label, name, error, hint, className, count, children }: FieldProps) {
  const id = useId();
  const shownHint = error ? undefined : hint;
  const hintId = shownHint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const countId = count ? `${id}-count` : undefined;
  const describedBy = [errorId, hintId, countId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, name, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error || shownHint || count ? (
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            {error ? (
              <p id={errorId} className="text-sm text-red-700" data-field-error={name}>
                {error}
              </p>
            ) : null}
            {shownHint ? (
              <p id={hintId} className="text-xs text-slate-500">
                {shownHint}
              </p>
            ) : null}
          </div>
          {count ? <Counter id={countId!} {...count} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/** Characters used of the maximum; amber in the last tenth. Screen readers get it as "at most N characters". */
function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  return (
    <p id={id} className={cn("shrink-0 text-xs tabular-nums", length >= max * 0.9 ? "font-medium text-amber-800" : "text-slate-500")} data-testid="char-count">
      <span aria-hidden>
        {length} / {max}
      </span>
      <span className="sr-only">At most {max} characters.</span>
    </p>
  );
}

/** A text input; with `maxLength` it shows a counter (`counter={false}` for limits no one nears, like URLs). */
export function TextField({
  label,
  name,
  error,
  hint,
  className,
  counter = true,
  onChange,
  ...input
}: Omit<FieldProps, "children" | "count"> & Omit<ComponentProps<"input">, "name"> & { counter?: boolean }) {
  // Uncontrolled inputs (defaultValue) count what was typed; controlled ones count their value.
  const [typed, setTyped] = useState(() => String(input.defaultValue ?? "").length);
  const length = input.value !== undefined ? String(input.value).length : typed;
  const count = counter && input.maxLength !== undefined && input.type !== "number" ? { length, max: input.maxLength } : undefined;
  return (
    <Field label={label} name={name} error={error} hint={hint} className={className} count={count}>
      {(control) => (
        <input
          {...control}
          {...input}
          onChange={(e) => {
            setTyped(e.target.value.length);
            onChange?.(e);
          }}
          className={inputClasses}
        />
      )}
    </Field>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  className,
  children,
  ...select
}: Omit<FieldProps, "children"> & Omit<ComponentProps<"select">, "name">) {
  return (
    <Field label={label} name={name} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...control} {...select} className={inputClasses}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  name,
  hint,
  error,
  ...input
}: { label: ReactNode; name: string; hint?: ReactNode; error?: string } & Omit<ComponentProps<"input">, "name" | "type">) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        name={name}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={Boolean(error)}
        className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
        {...input}
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-slate-500">
            {hint}
          </p>
        ) : null}
        {error ? <p className="text-red-700">{error}</p> : null}
      </div>
    </div>
  );
}
