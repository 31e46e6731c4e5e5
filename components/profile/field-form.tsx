"use client";

import { useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/errors";
import {
  FIELD_KIND_HINTS,
  FIELD_KIND_LABELS,
  FIELD_KINDS,
  PROFILE_LIMITS,
  foldKey,
  presetKindFor,
  profileFieldSchema,
  suggestLabel,
  type FieldKind,
  type ProfileFieldConfig,
} from "@/lib/profile/schema";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";

/**
 * Key, label and kind of one field, for adding and editing. The same zod schema as the server
 * checks on submit (and live after a first attempt); the server remains the authority.
 */
export function FieldForm({
  initial,
  others,
  submitLabel,
  pending,
  serverError,
  onSubmit,
  onCancel,
  onChange,
}: {
  initial?: ProfileFieldConfig;
  /** The event's other fields, for the duplicate-key hint. */
  others: ReadonlyArray<{ key: string }>;
  submitLabel: string;
  pending: boolean;
  serverError: ErrorBody | null;
  onSubmit: (values: ProfileFieldConfig, reset: () => void) => void;
  onCancel?: () => void;
  onChange?: (values: ProfileFieldConfig) => void;
}) {
  const [key, setKey] = useState(initial?.key ?? "");
  const [label, setLabel] = useState(initial?.label ?? "");
  const [kind, setKind] = useState<FieldKind>(initial?.kind ?? "text");
  // While untouched, the label follows the key and twitter/linkedin keys preset their kind.
  const [labelTouched, setLabelTouched] = useState(Boolean(initial));
  const [kindTouched, setKindTouched] = useState(Boolean(initial));
  const [attempted, setAttempted] = useState(false);

  const values = { key, label, kind };
  const clientErrors = attempted ? validate(values, others) : {};
  const errorFor = (name: string) => clientErrors[name] ?? serverError?.fieldErrors?.[name];
  const preset = presetKindFor(key);

  const update = (next: Partial<ProfileFieldConfig>) => {
    const merged = { ...values, ...next };
    if (next.key !== undefined) {
      if (!labelTouched) merged.label = next.key ? suggestLabel(next.key) : "";
      const special = presetKindFor(next.key);
      if (!kindTouched) merged.kind = special ?? "text";
    }
    setKey(merged.key);
    setLabel(merged.label);
    setKind(merged.kind);
    onChange?.(merged);
  };

  // After adding a field, the key input is where the next one starts.
  const keyInput = useRef<HTMLInputElement>(null);
  const refocusKey = useRef(false);
  useEffect(() => {
    // The fieldset is disabled while saving; focus once it is enabled again.
    if (refocusKey.current && !pending) {
      refocusKey.current = false;
      keyInput.current?.focus();
    }
  }, [pending, key]);

  const reset = () => {
    setKey("");
    setLabel("");
    setKind("text");
    setLabelTouched(false);
    setKindTouched(false);
    setAttempted(false);
    refocusKey.current = true;
  };

  return (
    <ActionForm
      className="space-y-3"
      onSubmit={() => {
        setAttempted(true);
        if (Object.keys(validate(values, others)).length > 0) return;
        onSubmit(profileFieldSchema.parse(values), reset);
      }}
    >
      <fieldset disabled={pending} className="grid gap-3 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,0.9fr)]">
        <TextField
          ref={keyInput}
          label="Key"
          name="key"
          maxLength={PROFILE_LIMITS.keyMax}
          value={key}
          autoComplete="off"
          spellCheck={false}
          placeholder="organization"
          error={errorFor("key")}
          hint="Exactly as tokens send it in userProfile: case and spaces count."
          onChange={(e) => update({ key: e.target.value })}
        />
        <TextField
          label="Label"
          name="label"
          maxLength={PROFILE_LIMITS.labelMax}
          value={label}
          autoComplete="off"
          placeholder="Organization"
          error={errorFor("label")}
          hint="Names the field on hover."
          onChange={(e) => {
            setLabelTouched(true);
            update({ label: e.target.value });
          }}
        />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          error={errorFor("kind")}
          hint={preset && kind === preset && !kindTouched ? `Preset: the platform links fields named ${preset}.` : FIELD_KIND_HINTS[kind]}
          onChange={(e) => {
            setKindTouched(true);
            update({ kind: e.target.value as FieldKind });
          }}
        >
          {FIELD_KINDS.map((k) => (
            <option key={k} value={k}>
              {FIELD_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
      {serverError && !serverError.fieldErrors ? <FormError error={serverError} /> : null}
    </ActionForm>
  );
}

function validate(values: ProfileFieldConfig, others: ReadonlyArray<{ key: string }>): Record<string, string> {
  const parsed = profileFieldSchema.safeParse(values);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (!errors.key && values.key) {
    const clash = others.find((o) => foldKey(o.key) === foldKey(values.key));
    if (clash) {
      errors.key =
        clash.key === values.key
          ? `This event already has a field with the key “${clash.key}”.`
          : `“${values.key}” differs from the field “${clash.key}” only in case or spacing: tokens would easily send the wrong one.`;
    }
  }
  return errors;
}
