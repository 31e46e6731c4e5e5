"use client";

import { useId, useState, type ChangeEvent } from "react";
import { ATTENDEE_ROLES, ROLE_INFO, isAttendeeRole } from "@/lib/profile/roles";
import { moveItem, type ProfilePair } from "@/lib/profile/sample";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField, inputClasses } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export type RawClaims = Record<string, unknown>;

export function editablePairs(userProfile: unknown): ProfilePair[] | null {
  if (userProfile === undefined) return [];
  if (!Array.isArray(userProfile)) return null;
  return userProfile.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && typeof p[1] === "string")
    ? (userProfile as ProfilePair[])
    : null;
}

/**
 * The sample attendee's claims: a form for what a form can hold (name, avatar, roles, text pairs
 * in token order) and a JSON editor for anything else, such as non-string values or a userProfile
 * that is not a list, so the warnings for those can be seen too.
 */
export function SampleEditor({
  claims,
  pairs,
  followFieldOrder,
  onClaimsChange,
  onPairsChange,
  onFollowFieldOrderChange,
  onReset,
}: {
  claims: RawClaims;
  /** The pairs as the token lists them (already in field order when following it); null when the form cannot edit them. */
  pairs: ProfilePair[] | null;
  followFieldOrder: boolean;
  onClaimsChange: (claims: RawClaims, fromJson?: boolean) => void;
  onPairsChange: (pairs: ProfilePair[]) => void;
  onFollowFieldOrderChange: (follow: boolean) => void;
  onReset: () => void;
}) {
  const id = useId();
  const [json, setJson] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const roles = Array.isArray(claims.roles) ? claims.roles.filter(isAttendeeRole) : [];

  const setPair = (index: number, pair: ProfilePair) => onPairsChange(pairs!.map((p, i) => (i === index ? pair : p)));

  if (json !== null) {
    return (
      <div className="space-y-3">
        <label htmlFor={`${id}-json`} className="block text-sm font-medium text-slate-800">
          Token claims (JSON)
        </label>
        <textarea
          id={`${id}-json`}
          value={json}
          onChange={(e) => setJson(e.target.value)}
          rows={14}
          spellCheck={false}
          aria-invalid={Boolean(jsonError)}
          aria-describedby={jsonError ? `${id}-json-error` : `${id}-json-hint`}
          className={cn(inputClasses, "font-mono text-xs")}
        />
        {jsonError ? (
          <p id={`${id}-json-error`} className="text-sm text-red-700">
            {jsonError}
          </p>
        ) : (
          <p id={`${id}-json-hint`} className="text-xs text-slate-500">
            Paste the payload your platform signs (displayName, avatarUrl, userProfile, roles). Other claims are ignored here.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            onClick={() => {
              const parsed = parseClaims(json);
              if (typeof parsed === "string") return setJsonError(parsed);
              onClaimsChange(parsed, true);
              setJson(null);
              setJsonError(null);
            }}
          >
            Apply JSON
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setJson(null);
              setJsonError(null);
            }}
          >
            Cancel
          </Button>
        </div>
      </div>
    );
  }

  // A text claim as its field edits it: a claim that is not text (from the JSON) shows empty until typed over.
  const textClaim = (name: "displayName" | "avatarUrl") => ({
    name,
    value: typeof claims[name] === "string" ? claims[name] : "",
    onChange: (e: ChangeEvent<HTMLInputElement>) => onClaimsChange({ ...claims, [name]: e.target.value }),
  });

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="displayName" {...textClaim("displayName")} autoComplete="off" />
        <TextField
          label="avatarUrl"
          {...textClaim("avatarUrl")}
          placeholder="https://… (empty: initials)"
          hint="https only. Attendees' browsers load it; our server never fetches it."
          autoComplete="off"
        />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">roles</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {ATTENDEE_ROLES.map((role) => (
            <CheckboxField
              key={role}
              label={role}
              name={`role-${role}`}
              hint={ROLE_INFO[role].description}
              checked={roles.includes(role)}
              onChange={(e) => {
                const next = e.target.checked ? [...roles, role] : roles.filter((r) => r !== role);
                onClaimsChange({ ...claims, roles: ATTENDEE_ROLES.filter((r) => next.includes(r)) });
              }}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">userProfile, in token order</legend>
        {pairs === null ? (
          <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            This userProfile is not a list of text pairs, so the form cannot edit it (the warnings say what is wrong). Edit it as JSON, or
            <button type="button" className="ml-1 font-medium underline" onClick={() => onPairsChange([])}>
              start an empty list
            </button>
            .
          </div>
        ) : (
          <>
            <CheckboxField
              label="List them in the field order"
              name="followFieldOrder"
              checked={followFieldOrder}
              onChange={(e) => onFollowFieldOrderChange(e.target.checked)}
              hint="As this dashboard's test links and code snippets send them. Turn it off to try another token order."
            />
            {pairs.length === 0 ? <p className="text-sm text-slate-500">No pairs: userProfile is an empty list.</p> : null}
            <ol className="space-y-2" aria-label="userProfile pairs">
              {pairs.map(([key, value], index) => (
                <li key={index} data-testid="sample-pair" className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-2">
                  <div>
                    <input
                      className={cn(inputClasses, "font-mono")}
                      value={key}
                      spellCheck={false}
                      aria-label={`Key of pair ${index + 1}`}
                      onChange={(e) => setPair(index, [e.target.value, value])}
                    />
                  </div>
                  <div>
                    <input
                      className={inputClasses}
                      value={value}
                      aria-label={`Value of “${key}”`}
                      onChange={(e) => setPair(index, [key, e.target.value])}
                    />
                  </div>
                  <div className="flex gap-0.5">
                    {followFieldOrder ? null : (
                      <>
                        <Button variant="ghost" size="sm" aria-label={`Move pair “${key}” up`} disabled={index === 0} onClick={() => onPairsChange(moveItem(pairs, index, -1))}>
                          <span aria-hidden>↑</span>
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={`Move pair “${key}” down`}
                          disabled={index === pairs.length - 1}
                          onClick={() => onPairsChange(moveItem(pairs, index, 1))}
                        >
                          <span aria-hidden>↓</span>
                        </Button>
                      </>
                    )}
                    <Button variant="ghost" size="sm" aria-label={`Remove pair “${key}”`} onClick={() => onPairsChange(pairs.filter((_, i) => i !== index))}>
                      <span aria-hidden>✕</span>
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
            <Button variant="secondary" size="sm" onClick={() => onPairsChange([...pairs, ["", ""]])}>
              Add a pair
            </Button>
          </>
        )}
      </fieldset>

      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-3">
        <Button variant="secondary" size="sm" onClick={() => setJson(JSON.stringify(claims, null, 2))}>
          Edit as JSON
        </Button>
        <Button variant="ghost" size="sm" onClick={onReset}>
          Reset to the doc’s example
        </Button>
      </div>
    </div>
  );
}

const CLAIM_NAMES = ["displayName", "avatarUrl", "userProfile", "roles"] as const;

function parseClaims(text: string): RawClaims | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `That is not valid JSON: ${error instanceof Error ? error.message : "it could not be read"}.`;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return 'The claims must be a JSON object, e.g. {"displayName": "Larry David", "userProfile": [["title", "Producer"]]}.';
  }
  const claims: RawClaims = {};
  for (const name of CLAIM_NAMES) if (name in value) claims[name] = (value as RawClaims)[name];
  return claims;
}
