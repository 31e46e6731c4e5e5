"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { endSessionsAction } from "@/lib/actions/activity";
import { revokeAllLinksAction, revokeLinkAction } from "@/lib/actions/links";
import { attendeeNameInSentence } from "@/lib/links/form";
import { CheckboxField } from "@/components/ui/field";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAction } from "@/components/ui/use-action";

/** Revokes one link after a confirmation that says what happens to whoever holds it. */
export function RevokeLinkButton({ orgSlug, eventSlug, linkId, attendee, longLived }: { orgSlug: string; eventSlug: string; linkId: string; attendee: string; longLived: boolean }) {
  const router = useRouter();
  const { run, pending, error, reset } = useAction(revokeLinkAction);
  const end = useAction(endSessionsAction);
  const [endSessions, setEndSessions] = useState(false);
  return (
    <ConfirmButton
      label={
        <>
          Revoke
          <span className="relative">
            <span className="sr-only"> the link for {attendee}</span>
          </span>
        </>
      }
      title={`Revoke the link for ${attendee}?`}
      consequence={
        <div className="space-y-3">
          <p>
            Whoever opens it from now on is turned away with the reason <code className="font-mono text-xs">link_revoked</code>.
            {longLived ? " Attendees already signed in with it stay in unless you end their sessions too." : " If it was already used, that attendee stays in unless you end their session too."} This
            cannot be undone: issue a new link if it is still needed.
          </p>
          <CheckboxField
            name="endSessions"
            label="Also end the sessions this link opened"
            hint="Their next page says the organizer ended their session (session_ended)."
            checked={endSessions}
            onChange={(e) => setEndSessions(e.target.checked)}
          />
        </div>
      }
      confirmLabel="Revoke link"
      pending={pending || end.pending}
      error={error ?? end.error}
      onConfirm={(_, close) => {
        reset();
        end.reset();
        run({ orgSlug, eventSlug, linkId }, () => {
          const done = () => {
            close();
            toast.success(`Revoked the link for ${attendeeNameInSentence(attendee)}`, endSessions ? { description: "Its sessions were ended too." } : undefined);
            router.refresh();
          };
          if (endSessions) end.run({ orgSlug, eventSlug, target: { linkId } }, done);
          else done();
        });
      }}
    />
  );
}

/** Revokes every active link of the event at once. */
export function RevokeAllLinksButton({ orgSlug, eventSlug, activeCount }: { orgSlug: string; eventSlug: string; activeCount: number }) {
  const router = useRouter();
  const { run, pending, error, reset } = useAction(revokeAllLinksAction);
  return (
    <ConfirmButton
      label={`Revoke all active (${activeCount.toLocaleString("en-US")})`}
      disabled={activeCount === 0}
      title={`Revoke all ${activeCount.toLocaleString("en-US")} active test links?`}
      consequence={
        <div className="space-y-2">
          <p>
            Every test link of this event that still works, one-off and long-lived, stops working now: whoever opens one is turned away with{" "}
            <code className="font-mono text-xs">link_revoked</code>. Used, expired and already revoked links stay as they are.
          </p>
          <p>Tokens your own platform signs are not affected. This cannot be undone.</p>
        </div>
      }
      confirmLabel="Revoke all active links"
      pending={pending}
      error={error}
      onConfirm={(_, close) => {
        reset();
        run({ orgSlug, eventSlug }, (data) => {
          close();
          toast.success(`Revoked ${data.revoked.toLocaleString("en-US")} active ${data.revoked === 1 ? "link" : "links"}`);
          router.refresh();
        });
      }}
    />
  );
}
