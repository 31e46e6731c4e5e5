import { z } from "zod";
import type { Event } from "@/generated/sqlite/client";
import { formatDuration } from "@/lib/format";
import { UNSAFE_TEXT_CHARS } from "@/lib/profile/schema";
import { listQueryShape } from "@/lib/tables/list-params";

/**
 * One schema per operation, shared by the event form (client-side hints) and the server (the
 * authority). Messages say which field, what is wrong and what to do.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text lengths the schema allows; the form's inputs carry them as maxlength. */
export const EVENT_LIMITS = { nameMax: 120, slugMax: 64, contactMax: 200 } as const;

export const eventSlugSchema = z
  .string({ error: "Enter a slug." })
  .trim()
  .min(3, "The slug must be at least 3 characters.")
  .max(EVENT_LIMITS.slugMax, `The slug must be at most ${EVENT_LIMITS.slugMax} characters.`)
  .regex(
    SLUG_PATTERN,
    "Use lowercase letters, digits and single hyphens (e.g. spring-summit-2027); no spaces, no hyphen at the start or end.",
  );

export const POLICY_LIMITS = {
  oneOffLifetimeSeconds: { min: 30, max: 3600, default: 300 },
  longLivedMaxSeconds: { min: 3600, max: 90 * 24 * 3600, default: 7 * 24 * 3600 },
  leewaySeconds: { min: 0, max: 300, default: 60 },
} as const;

const optionalInstant = (label: string) =>
  z
    .union([z.literal(""), z.null(), z.iso.datetime({ offset: true, error: `${label}: use an ISO 8601 date and time, e.g. 2027-04-01T15:00:00Z.` })])
    .optional()
    .transform((v) => (v ? new Date(v) : null));

/** A duration in whole seconds; the limits are said in human units too ("at most 1 hour (3600 seconds)"). */
const secondsInRange = (label: string, limits: { min: number; max: number }) =>
  z
    .number({ error: `${label} must be a whole number of seconds.` })
    .int(`${label} must be a whole number of seconds.`)
    .min(limits.min, `${label} must be at least ${inWords(limits.min)}.`)
    .max(limits.max, `${label} must be at most ${inWords(limits.max)}.`);

const inWords = (seconds: number) => (seconds < 60 ? formatDuration(seconds) : `${formatDuration(seconds)} (${seconds} seconds)`);

const flag = (label: string) => z.boolean({ error: `${label} must be true or false.` });

export const CONTACT_HINT = "an email address (help@example.com) or an https:// link to a help page";

export const contactSchema = z
  .string({ error: "Enter a contact for attendees." })
  .trim()
  .min(1, `Enter a contact for attendees: ${CONTACT_HINT}.`)
  .max(EVENT_LIMITS.contactMax, `The contact must be at most ${EVENT_LIMITS.contactMax} characters.`)
  .refine((v) => z.email().safeParse(v).success || /^https:\/\/[^\s]+\.[^\s]+$/.test(v), {
    message: `Use ${CONTACT_HINT}. Attendees see it when their sign-in fails.`,
  });

/**
 * The event's fields, strictly typed: the dashboard form sends the same JSON types as API clients
 * (booleans, numbers, ISO instants), so both validate with this one schema.
 */
const eventFieldsShape = {
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name for the event.")
    .max(EVENT_LIMITS.nameMax, `The name must be at most ${EVENT_LIMITS.nameMax} characters.`)
    .refine((name) => !UNSAFE_TEXT_CHARS.test(name), "The name contains a control or text-direction character. Use plain text.")
    .describe("Shown to admins and attendees"),
  slug: eventSlugSchema.describe("Unique across all organizations; the entry is /e/{slug}"),
  startsAt: optionalInstant("Start").describe("ISO 8601 instant, or null"),
  endsAt: optionalInstant("End").describe("ISO 8601 instant after startsAt, or null"),
  contact: contactSchema.describe("Email or https:// link shown to attendees whose sign-in fails"),
  transcriptionEnabled: flag("Live transcription").describe("Lets tokens grant transcriber (the organization's flag must be on too)"),
  interpretationEnabled: flag("Live interpretation").describe("Lets tokens grant interpreter (the organization's flag must be on too)"),
  oneOffLifetimeSeconds: secondsInRange("One-off link lifetime", POLICY_LIMITS.oneOffLifetimeSeconds).describe("Lifetime of one-off test links (default 300)"),
  longLivedMaxSeconds: secondsInRange("Long-lived token maximum", POLICY_LIMITS.longLivedMaxSeconds).describe("Longest exp − iat accepted (default 604800, 7 days)"),
  leewaySeconds: secondsInRange("Clock-skew leeway", POLICY_LIMITS.leewaySeconds).describe("Tolerance for exp/nbf/iat (default 60)"),
  requireExp: flag("Require an expiry").describe("Refuse tokens without exp (default true)"),
};

export const eventFieldsObject = z.object({
  ...eventFieldsShape,
  transcriptionEnabled: eventFieldsShape.transcriptionEnabled.default(false),
  interpretationEnabled: eventFieldsShape.interpretationEnabled.default(false),
  oneOffLifetimeSeconds: eventFieldsShape.oneOffLifetimeSeconds.default(POLICY_LIMITS.oneOffLifetimeSeconds.default),
  longLivedMaxSeconds: eventFieldsShape.longLivedMaxSeconds.default(POLICY_LIMITS.longLivedMaxSeconds.default),
  leewaySeconds: eventFieldsShape.leewaySeconds.default(POLICY_LIMITS.leewaySeconds.default),
  requireExp: eventFieldsShape.requireExp.default(true),
});

type EventFieldsShape = z.output<typeof eventFieldsObject>;

function checkEventFields(value: EventFieldsShape, ctx: z.RefinementCtx) {
  if (value.startsAt && value.endsAt && value.endsAt <= value.startsAt) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start." });
  }
  if (value.oneOffLifetimeSeconds > value.longLivedMaxSeconds) {
    ctx.addIssue({
      code: "custom",
      path: ["longLivedMaxSeconds"],
      message: "The long-lived maximum cannot be shorter than the one-off lifetime.",
    });
  }
}

export const eventFieldsSchema = eventFieldsObject.superRefine(checkEventFields);

/** The stored columns an admin edits (the form's initial values, the API's event shape). */
export type EventSettings = Pick<Event, keyof typeof eventFieldsShape>;

export type EventFieldsInput = z.input<typeof eventFieldsSchema>;
export type EventFields = z.output<typeof eventFieldsSchema>;

export const createEventSchema = eventFieldsSchema;
/** POST /api/v1/events: the same fields, and an unknown member (a typo such as "startAt") is refused, as on every other write. */
export const createEventBodySchema = eventFieldsObject.strict().superRefine(checkEventFields);
export const updateEventSchema = z.object({ eventSlug: z.string().min(1) }).and(eventFieldsSchema);
/** PATCH: any subset of the fields; the service merges it into the event and validates the whole. */
export const patchEventSchema = z.object(eventFieldsShape).partial().strict();
export const deleteEventSchema = z.object({
  eventSlug: z.string().min(1),
  confirmSlug: z.string().trim(),
});
export const revokeIssuedTokensSchema = z.object({ eventSlug: z.string().min(1) });

export const EVENT_SORTS = ["name", "slug", "startsAt", "createdAt"] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

/** GET /api/v1/events: a page of events, searched and sorted like the events table. */
export const eventListQuerySchema = z.object(listQueryShape({ sortable: EVENT_SORTS, defaultSort: "createdAt", search: "Case-insensitive search in name and slug" }));

/** A slug suggestion from a name: "Spring Summit 2027!" → "spring-summit-2027". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
}
