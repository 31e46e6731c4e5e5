"use client";

import { useMemo, useOptimistic, useState, useTransition } from "react";
import { toast } from "sonner";
import { reorderProfileFieldsAction } from "@/lib/actions/profile-fields";
import type { ErrorBody } from "@/lib/errors";
import { presentAttendee } from "@/lib/profile/present";
import { describeSeverityCounts } from "@/lib/severity";
import { defaultSample, orderLikeFields, sampleClaims, sampleValueFor, withMissingFields, type ProfilePair } from "@/lib/profile/sample";
import type { ProfileFieldRow } from "@/lib/profile/service";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { SeveritySummary } from "@/components/ui/severity";
import { AttendeePreview } from "./attendee-preview";
import { FieldsEditor, type FieldDraft } from "./fields-editor";
import { ProfileWarnings } from "./profile-warnings";
import { SampleEditor, editablePairs, type RawClaims } from "./sample-editor";

type PreviewField = Omit<ProfileFieldRow, "position">;

/** The saved fields with the field being edited or added, as typed so far. */
function withDraft(fields: readonly ProfileFieldRow[], draft: FieldDraft): PreviewField[] {
  if (!draft) return [...fields];
  if (draft.id === "new") return draft.value.key ? [...fields, { id: "new", ...draft.value }] : [...fields];
  return fields.map((f) => (f.id === draft.id ? { ...f, ...draft.value } : f));
}

/**
 * The profile fields page: the editor, a live preview of a sample attendee's stream tile and
 * "You met with…" card, and the warnings, all from the same presentAttendee the entry uses.
 */
export function ProfileFieldsWorkspace({
  orgSlug,
  eventSlug,
  fields,
  readOnly,
}: {
  orgSlug: string;
  eventSlug: string;
  fields: ProfileFieldRow[];
  readOnly: boolean;
}) {
  const [orderedFields, applyOrder] = useOptimistic(fields, (list: ProfileFieldRow[], order: string[]) => {
    const byId = new Map(list.map((f) => [f.id, f]));
    return order.flatMap((id, position) => (byId.has(id) ? [{ ...byId.get(id)!, position }] : []));
  });
  const [, startTransition] = useTransition();
  const [reorderError, setReorderError] = useState<ErrorBody | null>(null);
  const [draft, setDraft] = useState<FieldDraft>(null);
  const [claims, setClaims] = useState<RawClaims>(() => sampleClaims(defaultSample(fields)));
  const [followFieldOrder, setFollowFieldOrder] = useState(true);

  const previewFields = useMemo(() => withDraft(orderedFields, draft), [orderedFields, draft]);
  const stored = editablePairs(claims.userProfile);
  const pairs = stored && followFieldOrder ? orderLikeFields(stored, previewFields) : stored;
  const { attendee, warnings } = useMemo(() => {
    let userProfile: unknown = pairs ?? claims.userProfile;
    // A field being added shows in the preview with a sample value, before it is saved.
    if (pairs && draft?.id === "new" && draft.value.key && !pairs.some(([k]) => k === draft.value.key)) {
      userProfile = [...pairs, [draft.value.key, sampleValueFor(draft.value)]];
    }
    return presentAttendee({ ...claims, userProfile }, previewFields);
  }, [claims, pairs, draft, previewFields]);

  // The list moves at once; the toast says when the server has the new order (one toast, updated per move).
  const reorder = (order: string[], moved: string) =>
    startTransition(async () => {
      setReorderError(null);
      applyOrder(order);
      try {
        const result = await reorderProfileFieldsAction({ orgSlug, eventSlug, order });
        if (result.ok) toast.success("Field order saved", { id: "field-order", description: moved });
        else setReorderError(result.error);
      } catch {
        setReorderError({ code: "INTERNAL", message: "The server could not be reached, so the order was not saved. Check your connection and try again." });
      }
    });

  const setPairs = (next: ProfilePair[]) => setClaims((c) => ({ ...c, userProfile: next }));

  return (
    <div className="grid items-start gap-6 lg:grid-cols-2">
      <div className="space-y-6 lg:col-start-1">
        {readOnly ? (
          <Alert tone="info">You are a viewer in this organization: you can see the fields and try the preview, but not change the fields.</Alert>
        ) : null}
        <Card
          title="Profile fields"
          description="The userProfile keys attendees see on stream tiles. Tokens send userProfile as [key, value] pairs; keys not listed here are dropped. This order is how the dashboard's test links and code snippets list them."
        >
          <FieldsEditor
            orgSlug={orgSlug}
            eventSlug={eventSlug}
            fields={orderedFields}
            readOnly={readOnly}
            onReorder={reorder}
            reorderError={reorderError}
            onDraft={setDraft}
            onAdded={(field) =>
              setClaims((c) => {
                const current = editablePairs(c.userProfile);
                return current ? { ...c, userProfile: withMissingFields(current, [field]) } : c;
              })
            }
          />
        </Card>
      </div>

      <div className="lg:sticky lg:top-20 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto lg:rounded-lg">
        <Card title="Preview" description="Live, for the sample attendee, with the fields as they stand." actions={
            <>
              {draft ? <Badge tone="amber">Includes unsaved changes</Badge> : null}
              <SeveritySummary href="#preview-warnings" testId="warnings-jump" items={warnings} noneText="Shows as configured" />
            </>
          }
        >
          <AttendeePreview attendee={attendee} />
          <section aria-labelledby="preview-warnings" className="mt-5 space-y-2 border-t border-slate-100 pt-4">
            <h3 id="preview-warnings" className="text-sm font-semibold text-slate-900">
              Findings{warnings.length ? `: ${describeSeverityCounts(warnings)}` : ""}
            </h3>
            <ProfileWarnings warnings={warnings} emptyText="No warnings: this token shows exactly as configured." />
          </section>
        </Card>
      </div>

      <div className="lg:col-start-1">
        <Card title="Sample attendee" description="Edit the token's claims to see how attendees would appear. Nothing here is saved.">
          <SampleEditor
            claims={{ ...claims, userProfile: pairs ?? claims.userProfile }}
            pairs={pairs}
            followFieldOrder={followFieldOrder}
            onClaimsChange={(next, fromJson) => {
              setClaims(next);
              // Pasted JSON lists pairs in the order the admin wants to try.
              if (fromJson) setFollowFieldOrder(false);
            }}
            onPairsChange={setPairs}
            onFollowFieldOrderChange={(follow) => {
              if (!follow && pairs) setPairs(pairs);
              setFollowFieldOrder(follow);
            }}
            onReset={() => {
              setClaims(sampleClaims(defaultSample(orderedFields)));
              setFollowFieldOrder(true);
            }}
          />
        </Card>
      </div>
    </div>
  );
}
