"use client";

import Link from "next/link";
import { FEATURE_OF_ROLE } from "@/lib/links/claims";
import { ATTENDEE_ROLES, ROLE_INFO, type AttendeeRole } from "@/lib/profile/roles";
import type { EffectiveFeatures } from "@/lib/tokens/types";
import { CheckboxField } from "@/components/ui/field";

export interface RoleFeatures {
  features: EffectiveFeatures;
  organizationFeatures: EffectiveFeatures;
  eventFeatures: EffectiveFeatures;
}

/** The roles the link gives, each with the doc's explanation; feature-gated roles point to where the feature is turned on. */
export function RoleOptions({
  roles,
  onChange,
  features,
  orgSlug,
  eventSlug,
  error,
}: {
  roles: AttendeeRole[];
  onChange: (roles: AttendeeRole[]) => void;
  features: RoleFeatures;
  orgSlug: string;
  eventSlug: string;
  error?: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-slate-900">Roles</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {ATTENDEE_ROLES.map((role) => (
          <RoleOption
            key={role}
            role={role}
            checked={roles.includes(role)}
            onChange={(checked) => onChange(checked ? [...roles, role] : roles.filter((r) => r !== role))}
            features={features}
            orgSlug={orgSlug}
            eventSlug={eventSlug}
          />
        ))}
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

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
  features: RoleFeatures;
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
