"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { endSessionsAction } from "@/lib/actions/activity";
import { activateKeyAction, retireKeyAction, revokeKeyAction } from "@/lib/actions/keys";
import type { KeyTransition } from "@/lib/keys/lifecycle";
import type { RevocationNote } from "@/lib/keys/presentation";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { DEFAULT_OVERLAP_HOURS, OVERLAP_HOUR_CHOICES } from "@/lib/keys/lifecycle";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useAction } from "@/components/ui/use-action";

const ACTIONS = { activate: activateKeyAction, retire: retireKeyAction, revoke: revokeKeyAction } as const;

/** The toast once a transition is done. */
const TRANSITION_DONE: Record<KeyTransition, string> = {
  activate: "active, it now verifies tokens",
  retire: "retired, it still verifies tokens in flight until revoked",
  revoke: "revoked, tokens it signed are refused",
};

const LABELS: Record<KeyTransition, { button: string; confirm: string; variant: ButtonVariant }> = {
  activate: { button: "Activate", confirm: "Activate key", variant: "secondary" },
  retire: { button: "Retire", confirm: "Retire key", variant: "secondary" },
  revoke: { button: "Revoke", confirm: "Revoke key", variant: "danger-outline" },
};

/**
 * One lifecycle step for one key, behind a confirmation that says what will happen to attendees'
 * tokens. Retiring the only active key needs an explicit acknowledgement (the server insists too).
 */
export function KeyTransitionButton({
  orgSlug,
  eventSlug,
  keyId,
  kid,
  shortKid,
  transition,
  onlyActiveKey = false,
  revocation,
  longestLifetime,
  keepsPrivateKey = false,
  emphasis = false,
}: {
  orgSlug: string;
  eventSlug: string;
  keyId: string;
  /** The full kid: revoking offers to end the sessions its tokens opened. */
  kid: string;
  shortKid: string;
  transition: KeyTransition;
  onlyActiveKey?: boolean;
  revocation?: RevocationNote;
  /** "7 days 1 minute": the event's longest token lifetime plus leeway, in words. */
  longestLifetime: string;
  keepsPrivateKey?: boolean;
  emphasis?: boolean;
}) {
  const router = useRouter();
  const { run, pending, error, reset } = useAction(ACTIONS[transition]);
  const [open, setOpen] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [overlapHours, setOverlapHours] = useState<number>(DEFAULT_OVERLAP_HOURS);
  const unsafeRevoke = transition === "revoke" && (revocation?.tone === "wait" || revocation?.tone === "unbounded");
  const needsAck = (transition === "retire" && onlyActiveKey) || unsafeRevoke;
  const end = useAction(endSessionsAction);
  const [endSessions, setEndSessions] = useState(false);
  const close = () => {
    setOpen(false);
    setAcknowledged(false);
    setEndSessions(false);
    reset();
    end.reset();
  };
  const label = LABELS[transition];
  const danger = transition === "revoke" || needsAck;

  return (
    <>
      <Button
        size="sm"
        variant={emphasis ? (transition === "revoke" ? "danger" : "primary") : label.variant}
        onClick={() => setOpen(true)}
        aria-label={`${label.button} key ${shortKid}`}
      >
        {label.button}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        tone={danger ? "danger" : "default"}
        title={`${label.button} key ${shortKid}?`}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button
              variant={danger ? "danger" : "primary"}
              disabled={pending || end.pending || (needsAck && !acknowledged)}
              onClick={() =>
                run({ orgSlug, eventSlug, keyId, acknowledgeNoActiveKey: acknowledged && !unsafeRevoke, acknowledgeUnsafeRevoke: acknowledged && unsafeRevoke, overlapHours }, () => {
                  const done = () => {
                    close();
                    toast.success(`Key ${shortKid}: ${TRANSITION_DONE[transition]}`);
                    router.refresh();
                  };
                  if (transition === "revoke" && endSessions) end.run({ orgSlug, eventSlug, target: { kid } }, done);
                  else done();
                })
              }
            >
              {pending || end.pending ? "Working…" : label.confirm}
            </Button>
          </>
        }
      >
        <div className="space-y-3 text-slate-700">
          {transition === "activate" ? (
            <>
              <p>
                From now on, tokens signed with this key&apos;s private key are <strong>accepted</strong>, alongside those of the other active keys: old and new keys
                both verify. Nothing changes for tokens signed with other keys.
              </p>
              <p>Next: switch your platform to sign with this key (its kid in the token header), then retire the old key.</p>
              <SelectField
                label="Old and new keys may both stay active for"
                name="overlapHours"
                value={String(overlapHours)}
                onChange={(e) => setOverlapHours(Number(e.target.value))}
                hint="Past this, while more than one key is active, this page warns you (the platform may not have switched, or the old key was forgotten)."
              >
                {OVERLAP_HOUR_CHOICES.map((h) => (
                  <option key={h} value={h}>
                    {h === 1 ? "1 hour" : h < 48 ? `${h} hours` : `${h / 24} days`}
                  </option>
                ))}
              </SelectField>
            </>
          ) : null}
          {transition === "retire" ? (
            <>
              <p>
                Tokens signed with this key <strong>keep working</strong>: retired keys still verify, so no attendee holding a fresh token is turned away while your
                platform switches keys. Your platform should stop signing with it now.
              </p>
              <p>
                When nothing has used it for the event&apos;s longest token lifetime ({longestLifetime}), the page marks it safe to revoke. It can never be made
                active again.
              </p>
              {needsAck ? (
                <Alert tone="danger" title="This is the event's only active key">
                  After retiring it the event has no active key: no attendee can sign in with a new token until you activate another one. To rotate without
                  downtime, add and activate the new key first.
                  <div className="mt-3">
                    <CheckboxField
                      name="acknowledgeNoActiveKey"
                      label="I understand: leave the event without an active key"
                      checked={acknowledged}
                      onChange={(e) => setAcknowledged(e.target.checked)}
                    />
                  </div>
                </Alert>
              ) : null}
            </>
          ) : null}
          {transition === "revoke" ? (
            <>
              <p>
                Tokens signed with this key are <strong>refused from now on</strong> (attendees see the reason key_revoked) and it leaves the public key set. A revoked
                key never comes back: there is no undo.
                {keepsPrivateKey ? " The dashboard's encrypted copy of its private key is deleted." : ""}
              </p>
              {revocation && !unsafeRevoke ? (
                <Alert tone="success" role="status">
                  {revocation.text}
                </Alert>
              ) : null}
              {revocation && unsafeRevoke ? (
                <Alert tone="danger" title="Not safe yet: some attendees will be refused">
                  {revocation.text}
                  <div className="mt-3">
                    <CheckboxField
                      name="acknowledgeUnsafeRevoke"
                      label={`I understand: every still-valid token signed with key ${shortKid} is refused from now on (key_revoked), including tokens attendees already hold. The key leaked, or I am sure none is in use.`}
                      checked={acknowledged}
                      onChange={(e) => setAcknowledged(e.target.checked)}
                    />
                  </div>
                </Alert>
              ) : null}
              <CheckboxField
                name="endSessions"
                label="Also end the sessions this key's tokens opened"
                hint="Attendees already in stay in otherwise. Their next page says the organizer ended their session (session_ended)."
                checked={endSessions}
                onChange={(e) => setEndSessions(e.target.checked)}
              />
            </>
          ) : null}
          <FormError error={error ?? end.error} />
        </div>
      </Dialog>
    </>
  );
}
