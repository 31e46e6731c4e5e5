import type { AttendeeRole } from "./roles";
import { foldKey, type FieldKind } from "./schema";

/**
 * The sample attendee of the fields preview: the platform doc's own example token, plus a value
 * for every configured field it lacks (twitter and linkedin included), so the preview shows
 * every field at once and the admin edits from there.
 */
export type ProfilePair = [key: string, value: string];

export interface SampleAttendee {
  displayName: string;
  avatarUrl: string;
  roles: AttendeeRole[];
  userProfile: ProfilePair[];
}

export const DOC_EXAMPLE: SampleAttendee = {
  displayName: "Larry David",
  avatarUrl: "",
  roles: [],
  userProfile: [
    ["organization", "Seinfield"],
    ["title", "Producer"],
    ["interests", "comedy"],
  ],
};

const SAMPLE_BY_KIND: Record<Exclude<FieldKind, "text">, string> = {
  twitter: "@larrydavid",
  linkedin: "https://www.linkedin.com/in/larrydavid",
  url: "https://example.com/larrydavid",
};

const SAMPLE_TEXT: Record<string, string> = {
  organization: "Seinfield",
  organisation: "Seinfield",
  company: "Seinfield",
  title: "Producer",
  jobtitle: "Producer",
  role: "Producer",
  interests: "comedy",
  city: "Los Angeles",
  location: "Los Angeles",
  country: "United States",
  pronouns: "he/him",
};

export function sampleValueFor(field: { key: string; label: string; kind: string }): string {
  if (field.kind in SAMPLE_BY_KIND) return SAMPLE_BY_KIND[field.kind as keyof typeof SAMPLE_BY_KIND];
  return SAMPLE_TEXT[foldKey(field.key)] ?? `Sample ${field.label.toLowerCase()}`;
}

/** Pairs for configured fields the sample does not send yet, appended in field order. */
export function withMissingFields(pairs: readonly ProfilePair[], fields: ReadonlyArray<{ key: string; label: string; kind: string }>): ProfilePair[] {
  const sent = new Set(pairs.map(([key]) => key));
  return [...pairs, ...fields.filter((f) => !sent.has(f.key)).map((f): ProfilePair => [f.key, sampleValueFor(f)])];
}

export function defaultSample(fields: ReadonlyArray<{ key: string; label: string; kind: string }>): SampleAttendee {
  return { ...DOC_EXAMPLE, userProfile: orderLikeFields(withMissingFields(DOC_EXAMPLE.userProfile, fields), fields) };
}

/**
 * The pairs in the event's field order, as the dashboard's own test links and snippets send them;
 * keys the event does not configure keep their order, after the configured ones.
 */
export function orderLikeFields<T extends readonly [string, unknown]>(pairs: readonly T[], fields: ReadonlyArray<{ key: string }>): T[] {
  const rank = new Map(fields.map((f, i) => [f.key, i]));
  return pairs
    .map((pair, index) => ({ pair, index, rank: rank.get(pair[0]) ?? fields.length }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((p) => p.pair);
}

/** Moves the item at `index` by `delta` places, clamped to the list; a new array. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = Math.min(Math.max(index + delta, 0), list.length - 1);
  if (index < 0 || index >= list.length || target === index) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

/** The sample as the claims of a token, for presentAttendee and for showing as JSON. */
export function sampleClaims(sample: SampleAttendee) {
  return {
    displayName: sample.displayName,
    ...(sample.avatarUrl ? { avatarUrl: sample.avatarUrl } : {}),
    userProfile: sample.userProfile,
    ...(sample.roles.length ? { roles: sample.roles } : {}),
  };
}
