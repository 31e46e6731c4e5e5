"use client";

import Link from "next/link";
import { AttendeePreview } from "@/components/profile/attendee-preview";
import { ProfileWarnings } from "@/components/profile/profile-warnings";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { cn } from "@/components/ui/cn";
import type { LinkNote } from "@/lib/links/form";
import { AttendeeSection, ProfileSection } from "./attendee-fields";
import type { LinkMailOptions } from "./email-link-button";
import { IssuedLinkResult } from "./issued-link-result";
import { HostConfirmation, KindPicker } from "./kind-picker";
import { RoleOptions, type RoleFeatures } from "./role-options";
import { SigningPicker } from "./signing-picker";
import { useIssueLink, type IssueLinkOptions } from "./use-issue-link";

export interface IssueLinkPanelProps extends IssueLinkOptions, RoleFeatures {
  /** "Email this link to the speaker" (issue 14). */
  mail?: LinkMailOptions;
}

const FORM_ID = "issue-link-form";
const NOTE_TONES = { danger: "bg-red-100 text-red-800", warning: "bg-amber-100 text-amber-800", info: "bg-sky-100 text-sky-800" } as const;

/**
 * The test-link issue form with its live preview: the attendee's tile and the warnings, from the
 * same presentAttendee the entry uses, and the claims checked with the entry's rules as you type.
 * Three blocks in reading order — the form, what to know before issuing, the Issue button — so on
 * a phone the warnings come before the button; from 1024 px the warnings and preview sit beside.
 */
export function IssueLinkPanel(props: IssueLinkPanelProps) {
  const { orgSlug, eventSlug, fields } = props;
  const link = useIssueLink(props);
  const { state, errors, update } = link;
  const eventBase = `/orgs/${orgSlug}/events/${eventSlug}`;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card
        className="lg:col-start-1 lg:row-start-1"
        title={link.issued ? undefined : "Issue a test link"}
        description={link.issued ? undefined : "A link that signs one attendee in to this event, to try the entry, a role or the profile fields. Every link is listed below and can be revoked."}
      >
        {link.issued ? (
          <IssuedLinkResult issued={link.issued} mail={props.mail} onDone={link.issueAnother} />
        ) : (
          <ActionForm
            id={FORM_ID}
            className="space-y-6"
            aria-label="Issue a test link"
            onSubmit={() => {
              link.submit();
            }}
          >
            {link.noKey ? (
              <Alert tone="danger" title="This event has no active signing key">
                No link can be signed, and no attendee can sign in. On the{" "}
                <Link href={`${eventBase}/keys`} className="font-semibold underline hover:no-underline">
                  Keys page
                </Link>
                , generate a key and let the dashboard keep an encrypted copy (then links are signed here), or add your platform&apos;s public key and sign
                here with its private key. Activate the key.
              </Alert>
            ) : null}
            <AttendeeSection state={state} errors={errors} update={update} touch={link.touch} />
            <ProfileSection fields={fields} state={state} errors={errors} update={update} touch={link.touch} fieldsHref={`${eventBase}/fields`} />
            <RoleOptions roles={state.roles} onChange={(roles) => update({ roles })} features={props} orgSlug={orgSlug} eventSlug={eventSlug} error={errors.roles} />
            <KindPicker
              kind={state.kind}
              lifetimeSeconds={state.lifetimeSeconds}
              policy={link.policy}
              attendeeName={state.displayName}
              errors={{ lifetimeSeconds: errors.lifetimeSeconds }}
              onChange={update}
            />
            <SigningPicker
              mode={link.signing.mode}
              onModeChange={link.signing.setMode}
              activeKeys={props.activeKeys}
              keyId={link.signing.keyId}
              onKeyIdChange={link.signing.setKeyId}
              browserKey={link.signing.browserKey}
              onBrowserKey={link.signing.setBrowserKey}
              keysHref={`${eventBase}/keys`}
              error={link.signing.problem}
            />
          </ActionForm>
        )}
      </Card>

      <div className="space-y-6 lg:sticky lg:top-20 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto lg:rounded-lg lg:p-0.5">
        {link.issued ? null : (
          <Card title="Before you issue it">
            <section aria-label="Warnings" className="space-y-3">
              <LinkNotes notes={link.notes} />
              <ProfileWarnings warnings={link.warnings} emptyText="The profile shows exactly as filled in." />
            </section>
          </Card>
        )}
        <Card title="Preview" description="What other attendees see of this attendee, as you type.">
          <AttendeePreview attendee={link.presented} />
        </Card>
      </div>

      {link.issued ? null : (
        <section aria-label="Issue" className="space-y-3 rounded-lg bg-white px-5 py-4 shadow-xs ring-1 ring-slate-200 lg:col-start-1 lg:row-start-2">
          {state.kind === "long_lived" && state.roles.includes("host") ? (
            <HostConfirmation checked={state.confirmHostLongLived} error={errors.confirmHostLongLived} onChange={(confirmHostLongLived) => update({ confirmHostLongLived })} />
          ) : null}
          {link.serverError && !link.serverError.field ? <FormError error={link.serverError} /> : null}
          {link.submitted && !link.check.ok ? (
            <p className="text-sm text-red-700" role="alert">
              {link.check.error.message}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" form={FORM_ID} disabled={link.pending || link.noKey} variant={state.kind === "long_lived" ? "danger" : "primary"}>
              {link.pending ? "Issuing…" : state.kind === "long_lived" ? "Issue long-lived link" : "Issue one-off link"}
            </Button>
            <p className="text-xs text-slate-500">The link is shown once. The dashboard keeps only its fingerprint, to track and revoke it.</p>
          </div>
        </section>
      )}
    </div>
  );
}

/** What the link's kind and roles mean, most serious first. */
function LinkNotes({ notes }: { notes: LinkNote[] }) {
  return (
    <ul className="space-y-2" data-testid="link-notes">
      {notes.map((note) => (
        <li key={note.message} data-level={note.level} className="flex gap-2.5 text-sm text-slate-800">
          <span aria-hidden className={cn("mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold", NOTE_TONES[note.level])}>
            {note.level === "info" ? "i" : "!"}
          </span>
          <span className="min-w-0 break-words">{note.message}</span>
        </li>
      ))}
    </ul>
  );
}
