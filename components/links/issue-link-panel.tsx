"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { issueLinkAction, recordBrowserLinkAction } from "@/lib/actions/links";
import type { ErrorBody } from "@/lib/errors";
import type { BrowserSigningKey } from "@/lib/links/browser-signing";
import { sha256Hex, signJwt } from "@/lib/links/browser-signing";
import { checkLinkClaims, FEATURE_OF_ROLE, linkTokenHeader, linkTokenPayload, linkUrl } from "@/lib/links/claims";
import { attendeeOf, formFieldOfError, linkNotes, type LinkFormState } from "@/lib/links/form";
import { defaultLongLivedSeconds, linkLifetime, linkTimes } from "@/lib/links/lifetime";
import { presentAttendee } from "@/lib/profile/present";
import { ATTENDEE_ROLES, ROLE_INFO, type AttendeeRole } from "@/lib/profile/roles";
import type { EffectiveFeatures } from "@/lib/tokens/types";
import { AttendeePreview } from "@/components/profile/attendee-preview";
import { ProfileWarnings } from "@/components/profile/profile-warnings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { cn } from "@/components/ui/cn";
import { IssuedLinkResult, type IssuedLinkView } from "./issued-link-result";
import type { LinkMailOptions } from "./email-link-button";
import { KindPicker } from "./kind-picker";
import { SigningPicker, type PickerKey, type SigningMode } from "./signing-picker";

export interface IssueLinkPanelProps {
  orgSlug: string;
  eventSlug: string;
  fields: Array<{ key: string; label: string; kind: string }>;
  policy: { oneOffLifetimeSeconds: number; longLivedMaxSeconds: number; leewaySeconds: number; rejectTokensIssuedBefore: string | null };
  features: EffectiveFeatures;
  organizationFeatures: EffectiveFeatures;
  eventFeatures: EffectiveFeatures;
  activeKeys: PickerKey[];
  entryBaseUrl: string;
  /** The server's clock when the page was rendered: browser-signed links use it, not the admin's clock. */
  serverNow: number;
  /** "Email this link to the speaker" (issue 14). */
  mail?: LinkMailOptions;
}

const NOTE_TONES = { danger: "bg-red-100 text-red-800", warning: "bg-amber-100 text-amber-800", info: "bg-sky-100 text-sky-800" } as const;

/** Debounced, so the avatar image is requested once the admin stops typing, not for every prefix of the URL. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The test-link issue form with its live preview: the attendee's tile and the warnings, from the
 * same presentAttendee the entry uses, and the claims checked with the entry's rules as you type.
 */
export function IssueLinkPanel(props: IssueLinkPanelProps) {
  const { orgSlug, eventSlug, fields, features, activeKeys } = props;
  const policy = useMemo(() => ({ ...props.policy, rejectTokensIssuedBefore: props.policy.rejectTokensIssuedBefore ? new Date(props.policy.rejectTokensIssuedBefore) : null }), [props.policy]);
  const keptKeys = activeKeys.filter((k) => k.keepsPrivateKey);

  const [state, setState] = useState<LinkFormState>({
    displayName: "",
    email: "",
    avatarUrl: "",
    profile: {},
    roles: [],
    kind: "one_off",
    lifetimeSeconds: defaultLongLivedSeconds(policy),
    confirmHostLongLived: false,
  });
  const [mode, setMode] = useState<SigningMode>(keptKeys.length ? "server" : "browser");
  const [keyId, setKeyId] = useState(keptKeys[0]?.id ?? "");
  const [browserKey, setBrowserKey] = useState<BrowserSigningKey | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [serverError, setServerError] = useState<ErrorBody | null>(null);
  const [issued, setIssued] = useState<IssuedLinkView | null>(null);
  const [pending, startTransition] = useTransition();
  // How far this browser's clock is from the server's, measured when the page arrives.
  const clockOffset = useRef(0);
  useEffect(() => {
    clockOffset.current = props.serverNow - Date.now();
  }, [props.serverNow]);

  const update = (change: Partial<LinkFormState>) => {
    setServerError(null);
    setState((s) => ({ ...s, ...change }));
  };
  const touch = (name: string) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));

  const attendee = attendeeOf(state, fields);
  const check = checkLinkClaims(attendee, features);
  const settledAvatar = useSettled(state.avatarUrl, 600);
  const { attendee: presented, warnings } = presentAttendee(
    { displayName: attendee.displayName, avatarUrl: settledAvatar.trim(), userProfile: attendee.userProfile.filter(([, v]) => v.trim() !== ""), roles: attendee.roles },
    fields,
  );
  const notes = linkNotes(state, policy);

  // Field errors: the live check once a field was left (or on submit), then the server's answer.
  const errors: Record<string, string> = {};
  if (!check.ok) {
    const field = formFieldOfError(check.error.field, fields);
    if (submitted || touched.has(field) || field === "roles") errors[field] = check.error.message;
  }
  for (const [field, message] of Object.entries(serverError?.fieldErrors ?? {})) errors[formFieldOfError(field, fields)] ??= message;
  const hostUnconfirmed = state.kind === "long_lived" && state.roles.includes("host") && !state.confirmHostLongLived;
  if (hostUnconfirmed && submitted) errors.confirmHostLongLived ??= "Confirm that you mean it, or make it a one-off link.";
  const browserKeyMismatch = mode === "browser" && browserKey !== null && !activeKeys.some((k) => k.kid === browserKey.kid);
  const signingProblem =
    mode === "browser" && !browserKey && submitted ? "Paste or drop your private key first." : browserKeyMismatch && submitted ? "This private key does not belong to an active key of this event." : errors.kid ?? errors.keyId;

  const noKey = activeKeys.length === 0;
  const ready = check.ok && !hostUnconfirmed && (mode === "server" ? keptKeys.length > 0 : browserKey !== null && !browserKeyMismatch);

  const submit = () => {
    setSubmitted(true);
    setServerError(null);
    if (!ready || noKey) return;
    const input = {
      orgSlug,
      eventSlug,
      ...attendee,
      kind: state.kind,
      lifetimeSeconds: state.kind === "long_lived" ? state.lifetimeSeconds : null,
      confirmHostLongLived: state.confirmHostLongLived,
    };
    startTransition(async () => {
      try {
        if (mode === "server") {
          const result = await issueLinkAction({ ...input, keyId: keyId || null });
          if (!result.ok) return setServerError(result.error);
          const key = activeKeys.find((k) => k.kid === result.data.link.kid);
          setIssued({ url: result.data.url, kind: result.data.link.kind, expiresAt: result.data.link.expiresAt, displayName: result.data.link.displayName, shortKid: key?.shortKid ?? result.data.link.kid.slice(0, 8), signedIn: "server" });
          return;
        }
        // Signed here: the token and the key stay in this page; the server gets the link's details.
        if (!browserKey || !check.ok) return;
        const lifetime = linkLifetime(state.kind, state.lifetimeSeconds, policy);
        if (!lifetime.ok) return setServerError({ code: "VALIDATION", message: lifetime.error, field: "lifetimeSeconds", fieldErrors: { lifetimeSeconds: lifetime.error } });
        const subtle = globalThis.crypto.subtle;
        const times = linkTimes(new Date(Date.now() + clockOffset.current), lifetime.seconds, policy);
        const jti = globalThis.crypto.randomUUID();
        const token = await signJwt(browserKey.key, linkTokenHeader(browserKey.kid), linkTokenPayload(check.claims, { jti, ...times }));
        const result = await recordBrowserLinkAction({ ...input, jti, kid: browserKey.kid, iat: times.iat, exp: times.exp, tokenHash: await sha256Hex(subtle, token) });
        if (!result.ok) return setServerError(result.error);
        setIssued({
          url: linkUrl(props.entryBaseUrl, eventSlug, token),
          kind: result.data.link.kind,
          expiresAt: result.data.link.expiresAt,
          displayName: result.data.link.displayName,
          shortKid: browserKey.kid.slice(0, 8),
          signedIn: "browser",
        });
      } catch {
        setServerError({ code: "INTERNAL", message: "The server could not be reached, so no link was issued. Check your connection and try again." });
      }
    });
  };

  const keysHref = `/orgs/${orgSlug}/events/${eventSlug}/keys`;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card
        title={issued ? undefined : "Issue a test link"}
        description={issued ? undefined : "A link that signs one attendee in to this event, to try the entry, a role or the profile fields. Every link is listed below and can be revoked."}
      >
        {issued ? (
          <IssuedLinkResult
            issued={issued}
            mail={props.mail}
            onDone={() => {
              setIssued(null);
              setSubmitted(false);
              setTouched(new Set());
              // The other values stay for the next link; the host confirmation is for one link only.
              setState((s) => ({ ...s, confirmHostLongLived: false }));
            }}
          />
        ) : (
          <form
            noValidate
            className="space-y-6"
            aria-label="Issue a test link"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            {noKey ? (
              <Alert tone="danger" title="This event has no active signing key">
                No link can be signed, and no attendee can sign in. On the{" "}
                <Link href={keysHref} className="font-semibold underline hover:no-underline">
                  Keys page
                </Link>
                , generate a key and let the dashboard keep an encrypted copy (then links are signed here), or add your platform&apos;s public key and sign
                here with its private key. Activate the key.
              </Alert>
            ) : null}

            <section aria-labelledby="attendee-heading" className="space-y-3">
              <h3 id="attendee-heading" className="text-sm font-semibold text-slate-900">
                Attendee
              </h3>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField
                  label="Display name"
                  name="displayName"
                  required
                  value={state.displayName}
                  error={errors.displayName}
                  onChange={(e) => update({ displayName: e.target.value })}
                  onBlur={() => touch("displayName")}
                  hint="Required: the name on the attendee's stream."
                  autoComplete="off"
                />
                <TextField
                  label="Email (optional)"
                  name="email"
                  type="email"
                  value={state.email}
                  error={errors.email}
                  onChange={(e) => update({ email: e.target.value })}
                  onBlur={() => touch("email")}
                  hint="Shared only through opt-in contact sharing."
                  autoComplete="off"
                />
                <TextField
                  label="Avatar URL (optional)"
                  name="avatarUrl"
                  value={state.avatarUrl}
                  error={errors.avatarUrl}
                  onChange={(e) => update({ avatarUrl: e.target.value })}
                  onBlur={() => touch("avatarUrl")}
                  placeholder="https://…"
                  hint="A public https image. Empty: an avatar from the initials."
                  autoComplete="off"
                  className="sm:col-span-2"
                />
              </div>
            </section>

            <section aria-labelledby="profile-heading" className="space-y-3">
              <div>
                <h3 id="profile-heading" className="text-sm font-semibold text-slate-900">
                  Profile fields
                </h3>
                <p className="text-xs text-slate-500">This event&apos;s fields, sent in this order. Leave a field empty to leave it out.</p>
              </div>
              {fields.length === 0 ? (
                <p className="text-sm text-slate-600">
                  This event has no profile fields, so tiles show only the name and avatar.{" "}
                  <Link href={`/orgs/${orgSlug}/events/${eventSlug}/fields`} className="font-medium text-indigo-700 underline hover:no-underline">
                    Add fields
                  </Link>
                  .
                </p>
              ) : (
                <div className="grid gap-3 sm:grid-cols-2">
                  {fields.map((field) => (
                    <TextField
                      key={field.key}
                      label={
                        <>
                          {field.label} <code className="ml-1 font-mono text-xs font-normal text-slate-500">{field.key}</code>
                        </>
                      }
                      name={`profile.${field.key}`}
                      value={state.profile[field.key] ?? ""}
                      error={errors[`profile.${field.key}`]}
                      onChange={(e) => update({ profile: { ...state.profile, [field.key]: e.target.value } })}
                      onBlur={() => touch(`profile.${field.key}`)}
                      autoComplete="off"
                    />
                  ))}
                </div>
              )}
            </section>

            <fieldset className="space-y-2">
              <legend className="text-sm font-semibold text-slate-900">Roles</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                {ATTENDEE_ROLES.map((role) => (
                  <RoleOption
                    key={role}
                    role={role}
                    checked={state.roles.includes(role)}
                    onChange={(checked) => update({ roles: checked ? [...state.roles, role] : state.roles.filter((r) => r !== role) })}
                    features={props}
                    orgSlug={orgSlug}
                    eventSlug={eventSlug}
                  />
                ))}
              </div>
              {errors.roles ? <p className="text-sm text-red-700">{errors.roles}</p> : null}
            </fieldset>

            <KindPicker
              kind={state.kind}
              lifetimeSeconds={state.lifetimeSeconds}
              confirmHost={state.confirmHostLongLived}
              policy={policy}
              hasHost={state.roles.includes("host")}
              attendeeName={state.displayName}
              errors={{ lifetimeSeconds: errors.lifetimeSeconds, confirmHostLongLived: errors.confirmHostLongLived }}
              onChange={(change) => update(change)}
            />

            <SigningPicker
              mode={mode}
              onModeChange={(next) => {
                setServerError(null);
                setMode(next);
              }}
              activeKeys={activeKeys}
              keyId={keyId}
              onKeyIdChange={setKeyId}
              browserKey={browserKey}
              onBrowserKey={(key) => {
                setServerError(null);
                setBrowserKey(key);
              }}
              keysHref={keysHref}
              error={signingProblem}
            />

            {serverError && !serverError.field ? <FormError error={serverError} /> : null}
            {submitted && !check.ok ? (
              <p className="text-sm text-red-700" role="alert">
                {check.error.message}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
              <Button type="submit" disabled={pending || noKey} variant={state.kind === "long_lived" ? "danger" : "primary"}>
                {pending ? "Issuing…" : state.kind === "long_lived" ? "Issue long-lived link" : "Issue one-off link"}
              </Button>
              <p className="text-xs text-slate-500">The link is shown once. The dashboard keeps only its fingerprint, to track and revoke it.</p>
            </div>
          </form>
        )}
      </Card>

      <div className="space-y-6 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto lg:rounded-lg">
        {issued ? null : (
          <Card title="Before you issue it">
            <section aria-label="Warnings" className="space-y-3">
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
              <ProfileWarnings warnings={warnings} emptyText="The profile shows exactly as filled in." />
            </section>
          </Card>
        )}
        <Card title="Preview" description="What other attendees see of this attendee, as you type.">
          <AttendeePreview attendee={presented} />
        </Card>
      </div>
    </div>
  );
}

/** A role checkbox with the doc's explanation; feature-gated roles point to where the feature is turned on. */
function RoleOption({
  role,
  checked,
  onChange,
  features,
  orgSlug,
  eventSlug,
}: {
  role: AttendeeRole;
  checked: boolean;
  onChange: (checked: boolean) => void;
  features: Pick<IssueLinkPanelProps, "features" | "organizationFeatures" | "eventFeatures">;
  orgSlug: string;
  eventSlug: string;
}) {
  const gate = FEATURE_OF_ROLE[role];
  const off = gate && !features.features[gate.flag];
  const offFor = gate ? (["org", "event"] as const).filter((where) => !(where === "org" ? features.organizationFeatures : features.eventFeatures)[gate.flag]) : [];
  return (
    <CheckboxField
      label={ROLE_INFO[role].label}
      name={`role-${role}`}
      checked={checked && !off}
      disabled={off}
      onChange={(e) => onChange(e.target.checked)}
      hint={
        <>
          {ROLE_INFO[role].description}
          {off ? (
            <span className="mt-0.5 block text-xs text-amber-800">
              Off: turn on {gate!.name} for{" "}
              {offFor.map((where, i) => (
                <span key={where}>
                  {i > 0 ? " and " : ""}
                  <Link
                    href={where === "org" ? `/orgs/${orgSlug}/settings` : `/orgs/${orgSlug}/events/${eventSlug}/settings`}
                    className="font-medium underline hover:no-underline"
                  >
                    {where === "org" ? "the organization" : "this event"}
                  </Link>
                </span>
              ))}
              .
            </span>
          ) : null}
        </>
      }
    />
  );
}
