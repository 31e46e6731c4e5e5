import { z } from "zod";
import { REASON_CODES } from "@/lib/tokens/reasons";
import { pageQueryShape } from "@/lib/tables/list-params";
import { ATTEMPT_OUTCOMES, ATTEMPT_SOURCES } from "./attempt";

/**
 * One schema per activity operation, shared by the Activity tab, its server actions and the HTTP API.
 */
const eventSlug = z.string().min(1).max(100);

export const MAX_MINUTE_BUCKET_DAYS = 31;
export const ACTIVITY_WINDOWS = ["15m", "1h", "24h", "event", "custom"] as const;
export type ActivityWindowName = (typeof ACTIVITY_WINDOWS)[number];

const isoInstant = (name: string) =>
  z
    .string()
    .max(40)
    .refine((v) => Number.isFinite(Date.parse(v)), `${name} must be a date and time such as 2027-04-01T15:00:00Z.`)
    .transform((v) => new Date(v));

/** The attempts table's filters (also the API's query parameters and the CSV export's). */
export const attemptFilterShape = {
  outcome: z.enum(ATTEMPT_OUTCOMES, { error: `outcome is one of ${ATTEMPT_OUTCOMES.join(", ")}.` }).optional().describe("signed_in, refused or confirm_shown"),
  reason: z.enum(REASON_CODES, { error: `reason is one of ${REASON_CODES.join(", ")}.` }).optional().describe("A refusal's reason code"),
  kid: z.string().trim().min(1).max(128, "kid is at most 128 characters.").optional().describe("The key that verified the token or that its header named"),
  source: z.enum(ATTEMPT_SOURCES, { error: `source is one of ${ATTEMPT_SOURCES.join(", ")}.` }).optional().describe("host_token, one_off_link or long_lived_link"),
  attendee: z
    .string()
    .trim()
    .max(100, "attendee is at most 100 characters.")
    .optional()
    .describe("Part of the attendee's name or email (only attempts whose signature verified carry them)"),
};

/** GET /api/v1/events/{slug}/activity: text to numbers, unknown values refused with the field named. */
export const attemptListQuerySchema = z
  .object({
    ...attemptFilterShape,
    from: isoInstant("from").optional().describe("Attempts at or after this instant (ISO 8601)"),
    to: isoInstant("to").optional().describe("Attempts before this instant (ISO 8601)"),
    ...pageQueryShape,
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must be before to." });
  });

export const SUMMARY_BUCKETS = ["minute", "hour"] as const;

/** GET …/activity/summary: from ≤ to, and at most 31 days of minute buckets. */
export const summaryQuerySchema = z
  .object({
    from: isoInstant("from").optional().describe("Start of the window (ISO 8601; default one hour before to)"),
    to: isoInstant("to").optional().describe("End of the window (ISO 8601; default now)"),
    bucket: z.enum(SUMMARY_BUCKETS, { error: "bucket is minute or hour." }).default("minute").describe("minute (default; windows up to 31 days) or hour"),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must be before to." });
    const span = (v.to?.getTime() ?? 0) - (v.from?.getTime() ?? 0);
    if (v.from && v.to && v.bucket === "minute" && span > MAX_MINUTE_BUCKET_DAYS * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["bucket"], message: `Minute buckets cover at most ${MAX_MINUTE_BUCKET_DAYS} days; use bucket=hour or a shorter window.` });
    }
  });

/** POST …/sessions/end and the Activity tab's "End sessions": exactly one target. */
export const endSessionsBodySchema = z
  .object({
    all: z.literal(true, { error: "all must be true." }).optional().describe("End every open session of the event"),
    linkId: z.string().min(1).max(64).optional().describe("End the sessions a test link opened"),
    kid: z.string().min(1).max(128).optional().describe("End the sessions a key's tokens opened"),
    sessionId: z.string().min(1).max(64).optional().describe("End one session (the attempt's sessionId)"),
  })
  .strict()
  .superRefine((v, ctx) => {
    const given = ["all", "linkId", "kid", "sessionId"].filter((k) => v[k as keyof typeof v] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: "custom", path: given.length ? [given[1]!] : ["all"], message: 'Send exactly one of {"all": true}, {"linkId": …}, {"kid": …} or {"sessionId": …}.' });
  });
export type EndSessionsTarget = z.output<typeof endSessionsBodySchema>;

export const endSessionsSchema = z.object({ eventSlug, target: endSessionsBodySchema });

export const retentionSchema = z.object({
  activityRetentionDays: z.coerce
    .number({ error: "Enter a number of days from 1 to 365." })
    .int("Enter a whole number of days.")
    .min(1, "Keep activity for at least 1 day.")
    .max(365, "Keep activity for at most 365 days."),
});
