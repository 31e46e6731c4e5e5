"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { addProfileFieldAction, removeProfileFieldAction, updateProfileFieldAction } from "@/lib/actions/profile-fields";
import type { ErrorBody } from "@/lib/errors";
import { FIELD_KIND_LABELS, PROFILE_LIMITS, type ProfileFieldConfig } from "@/lib/profile/schema";
import type { ProfileFieldRow } from "@/lib/profile/service";
import { moveItem } from "@/lib/profile/sample";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormError } from "@/components/ui/form-error";
import { useAction } from "@/components/ui/use-action";
import { FieldForm } from "./field-form";

export type FieldDraft = { id: string | "new"; value: ProfileFieldConfig } | null;

const KIND_TONES: Record<ProfileFieldConfig["kind"], BadgeTone> = { text: "gray", url: "green", twitter: "blue", linkedin: "indigo" };

/**
 * The event's fields in order, with add, edit, remove and move up/down. Everything works from the
 * keyboard: after a move, focus stays on the moved field's button and a live region says where it went.
 */
export function FieldsEditor({
  orgSlug,
  eventSlug,
  fields,
  readOnly,
  onReorder,
  reorderError,
  onDraft,
  onAdded,
}: {
  orgSlug: string;
  eventSlug: string;
  fields: readonly ProfileFieldRow[];
  readOnly: boolean;
  /** `moved` says which field went where, for the confirmation once the order is saved. */
  onReorder: (order: string[], moved: string) => void;
  reorderError: ErrorBody | null;
  onDraft: (draft: FieldDraft) => void;
  onAdded: (field: ProfileFieldRow) => void;
}) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const add = useAction(addProfileFieldAction);
  const update = useAction(updateProfileFieldAction);
  const remove = useAction(removeProfileFieldAction);

  useEffect(() => {
    if (!focusTarget) return;
    const button = buttons.current.get(focusTarget);
    if (button && !button.disabled) button.focus();
  }, [focusTarget, fields]);

  const move = (index: number, delta: -1 | 1) => {
    const field = fields[index]!;
    const order = moveItem(fields, index, delta).map((f) => f.id);
    const to = index + delta;
    // At an end the pressed button disables itself: keep focus on the other one.
    const atEnd = to === 0 || to === fields.length - 1;
    setFocusTarget(`${field.id}:${atEnd ? (delta < 0 ? "down" : "up") : delta < 0 ? "up" : "down"}`);
    const moved = `Moved “${field.key}” to position ${to + 1} of ${fields.length}.`;
    setAnnouncement(moved);
    onReorder(order, moved);
  };

  const buttonRef = (id: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(id, el);
    else buttons.current.delete(id);
  };

  const full = fields.length >= PROFILE_LIMITS.fieldsPerEvent;

  return (
    <div className="space-y-4">
      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
      {fields.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          No profile fields yet: stream tiles show only the name and avatar, and every userProfile key is dropped.
          {readOnly ? null : " Add the keys your tokens send, starting with the one that should sit atop the stream."}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="Profile fields in order">
          {fields.map((field, index) => (
            <li key={field.id} data-testid="field-row" data-key={field.key} className="px-3 py-3">
              {editingId === field.id ? (
                <FieldForm
                  initial={field}
                  others={fields.filter((f) => f.id !== field.id)}
                  submitLabel="Save field"
                  pending={update.pending}
                  serverError={update.error}
                  onChange={(value) => onDraft({ id: field.id, value })}
                  onCancel={() => {
                    setEditingId(null);
                    update.reset();
                    onDraft(null);
                  }}
                  onSubmit={(value) =>
                    update.run({ orgSlug, eventSlug, fieldId: field.id, ...value }, () => {
                      setEditingId(null);
                      onDraft(null);
                      toast.success(`Saved “${value.key}”`);
                    })
                  }
                />
              ) : (
                <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                  <span aria-hidden className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">
                    {index + 1}
                  </span>
                  <div className="min-w-[9rem] flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-900">{field.key}</code>
                      <Badge tone={KIND_TONES[field.kind]}>{FIELD_KIND_LABELS[field.kind]}</Badge>
                    </p>
                    <p className="mt-0.5 truncate text-sm text-slate-600">
                      <span className="sr-only">Label: </span>
                      {field.label}
                    </p>
                  </div>
                  {readOnly ? null : (
                    <div className="ml-auto flex shrink-0 items-center gap-1">
                      <Button
                        ref={buttonRef(`${field.id}:up`)}
                        variant="ghost"
                        size="sm"
                        aria-label={`Move “${field.key}” up`}
                        title="Move up"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        <span aria-hidden>↑</span>
                      </Button>
                      <Button
                        ref={buttonRef(`${field.id}:down`)}
                        variant="ghost"
                        size="sm"
                        aria-label={`Move “${field.key}” down`}
                        title="Move down"
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <span aria-hidden>↓</span>
                      </Button>
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`Edit “${field.key}”`}
                        onClick={() => {
                          update.reset();
                          setEditingId(field.id);
                        }}
                      >
                        Edit
                      </Button>
                      <ConfirmButton
                        label={
                          <>
                            Remove<span className="sr-only"> “{field.key}”</span>
                          </>
                        }
                        title={`Remove the field “${field.key}”?`}
                        consequence={
                          <div className="space-y-2">
                            <p>
                              Attendees stop seeing <strong>{field.label}</strong> on stream tiles
                              {field.kind !== "text" ? " and on the “You met with…” page" : ""}. Tokens that send “{field.key}” keep working: the key is
                              simply dropped.
                            </p>
                            <p>You can add it back at any time.</p>
                          </div>
                        }
                        confirmLabel="Remove field"
                        variant="secondary"
                        pending={remove.pending}
                        error={remove.error}
                        onConfirm={(_, close) =>
                          remove.run({ orgSlug, eventSlug, fieldId: field.id }, () => {
                            close();
                            toast.success(`Removed “${field.key}”`);
                          })
                        }
                      />
                    </div>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {reorderError ? <FormError error={reorderError} /> : null}

      {readOnly ? null : full ? (
        <p className="text-sm text-slate-600">This event has {PROFILE_LIMITS.fieldsPerEvent} fields, the most a tile can list. Remove one to add another.</p>
      ) : (
        <section aria-labelledby="add-field-heading" className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
          <h3 id="add-field-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Add a field
          </h3>
          <FieldForm
            others={fields}
            submitLabel="Add field"
            pending={add.pending}
            serverError={add.error}
            onChange={(value) => onDraft(value.key ? { id: "new", value } : null)}
            onSubmit={(value, reset) =>
              add.run({ orgSlug, eventSlug, ...value }, (created) => {
                reset();
                onDraft(null);
                onAdded(created);
                toast.success(`Added “${created.key}”`, { description: `Position ${created.position + 1} of the field list.` });
              })
            }
          />
        </section>
      )}
    </div>
  );
}
