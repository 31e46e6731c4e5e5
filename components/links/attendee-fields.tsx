"use client";

import Link from "next/link";
import { CLAIM_LIMITS } from "@/lib/tokens/attendee-claims";
import type { LinkFormState } from "@/lib/links/form";
import { TextField } from "@/components/ui/field";

type Errors = Record<string, string>;
type Update = (change: Partial<LinkFormState>) => void;

/** Who the link signs in: the attendee's name, email and avatar, as the token will carry them. */
export function AttendeeSection({ state, errors, update, touch }: { state: LinkFormState; errors: Errors; update: Update; touch: (name: string) => void }) {
  return (
    <section aria-labelledby="attendee-heading" className="space-y-3">
      <h3 id="attendee-heading" className="text-sm font-semibold text-slate-900">
        Attendee
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Display name"
          name="displayName"
          required
          maxLength={CLAIM_LIMITS.displayNameGraphemes}
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
          maxLength={CLAIM_LIMITS.emailLength}
          value={state.email}
          error={errors.email}
          onChange={(e) => update({ email: e.target.value })}
          onBlur={() => touch("email")}
          hint="Shared only through opt-in contact sharing."
          autoComplete="off"
          counter={false}
        />
        <TextField
          label="Avatar URL (optional)"
          name="avatarUrl"
          maxLength={CLAIM_LIMITS.avatarUrlLength}
          value={state.avatarUrl}
          error={errors.avatarUrl}
          onChange={(e) => update({ avatarUrl: e.target.value })}
          onBlur={() => touch("avatarUrl")}
          placeholder="https://…"
          hint="A public https image. Empty: an avatar from the initials."
          autoComplete="off"
          className="sm:col-span-2"
          counter={false}
        />
      </div>
    </section>
  );
}

/** One input per profile field of the event, in the event's order; empty ones are left out of the token. */
export function ProfileSection({
  fields,
  state,
  errors,
  update,
  touch,
  fieldsHref,
}: {
  fields: ReadonlyArray<{ key: string; label: string }>;
  state: LinkFormState;
  errors: Errors;
  update: Update;
  touch: (name: string) => void;
  fieldsHref: string;
}) {
  return (
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
          <Link href={fieldsHref} className="font-medium text-indigo-700 underline hover:no-underline">
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
              maxLength={CLAIM_LIMITS.profileValueLength}
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
  );
}
