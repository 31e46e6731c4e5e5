"use client";

import { useRouter } from "next/navigation";
import { deleteEventAction, rejectTokensIssuedBeforeNowAction } from "@/lib/actions/events";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAction } from "@/components/ui/use-action";

export function EventDangerZone({
  orgSlug,
  eventSlug,
  eventName,
  impact,
}: {
  orgSlug: string;
  eventSlug: string;
  eventName: string;
  impact: { keys: number; fields: number; links: number; sessions: number };
}) {
  const router = useRouter();
  const revokeAll = useAction(rejectTokensIssuedBeforeNowAction);
  const remove = useAction(deleteEventAction);
  return (
    <div className="divide-y divide-red-100">
      <div className="flex flex-wrap items-center justify-between gap-3 pb-4">
        <div className="max-w-xl text-sm">
          <p className="font-medium text-slate-900">Refuse every token issued before now</p>
          <p className="text-slate-600">For a leaked link or key: every token and test link issued up to this moment stops working. New tokens keep working.</p>
        </div>
        <ConfirmButton
          label="Refuse older tokens"
          title="Refuse every token issued before now?"
          consequence={
            <p>
              Attendees holding a token or test link issued before this moment will be turned away and told the link was revoked. Tokens your
              platform mints from now on keep working. Use it after a leaked link or key; a later cut-off can be set at any time.
            </p>
          }
          confirmLabel="Refuse older tokens"
          pending={revokeAll.pending}
          error={revokeAll.error}
          onConfirm={(_, close) => revokeAll.run({ orgSlug, eventSlug }, () => { close(); router.refresh(); })}
        />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 pt-4">
        <div className="max-w-xl text-sm">
          <p className="font-medium text-slate-900">Delete this event</p>
          <p className="text-slate-600">Removes the event and everything in it. The audit log keeps a record.</p>
        </div>
        <ConfirmButton
          label="Delete event"
          title={`Delete “${eventName}”?`}
          confirmText={eventSlug}
          consequence={
            <div className="space-y-2">
              <p>This permanently deletes:</p>
              <ul className="list-disc pl-5">
                <li>{impact.keys} signing key{impact.keys === 1 ? "" : "s"}, including private keys the dashboard keeps</li>
                <li>{impact.fields} profile field{impact.fields === 1 ? "" : "s"}</li>
                <li>{impact.links} issued test link{impact.links === 1 ? "" : "s"} and their history</li>
                <li>{impact.sessions} attendee session{impact.sessions === 1 ? "" : "s"}</li>
              </ul>
              <p>
                The entry <code>/e/{eventSlug}</code> stops accepting anyone at once. There is no undo.
              </p>
            </div>
          }
          confirmLabel="Delete event"
          variant="danger"
          pending={remove.pending}
          error={remove.error}
          onConfirm={(typed) => remove.run({ orgSlug, eventSlug, confirmSlug: typed }, () => router.push(`/orgs/${orgSlug}/events`))}
        />
      </div>
    </div>
  );
}
