import { EVENT_LIMITS, SLUG_PATTERN } from "@/lib/events/schema";

/** The attendee pages under /e/{slug}/…; anything else below a valid slug is Next's own 404. */
export const ATTENDEE_STEPS = ["continue", "lobby", "met", "leave"] as const;
export type AttendeeStep = (typeof ATTENDEE_STEPS)[number];

/** Whether a path segment is an event slug as events are created (lower-case words joined by single hyphens). */
export function isEventSlug(value: string): boolean {
  return value.length <= EVENT_LIMITS.slugMax && SLUG_PATTERN.test(value);
}

/**
 * Splits an /e/… path as it arrives (still percent-encoded) into the slug and the page. The slug is
 * checked against the slug pattern BEFORE anything else reads it: a valid slug has no `%`, `;`, CR or
 * LF, so nothing is decoded and nothing from the request can reach a header, a cookie attribute or a
 * log line. `null` slug: not an event address (the entry answers `event_not_found`).
 */
export function parseEntryPath(pathname: string): { slug: string | null; step: AttendeeStep | "entry" | "other" } {
  const [, root, rawSlug = "", rawStep, ...rest] = pathname.split("/");
  if (root !== "e" || !isEventSlug(rawSlug)) return { slug: null, step: "other" };
  if (rawStep === undefined || (rawStep === "" && rest.length === 0)) return { slug: rawSlug, step: "entry" };
  if (rest.length === 0 && (ATTENDEE_STEPS as readonly string[]).includes(rawStep)) return { slug: rawSlug, step: rawStep as AttendeeStep };
  return { slug: rawSlug, step: "other" };
}
