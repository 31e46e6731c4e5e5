import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/events/schema";
import { UNSAFE_TEXT_CHARS } from "@/lib/profile/schema";

export const organizationSlugSchema = z
  .string({ error: "Enter a slug." })
  .trim()
  .min(2, "The organization slug must be at least 2 characters.")
  .max(48, "The organization slug must be at most 48 characters.")
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens (e.g. acme-events).");

/** The longest organization name; the forms' inputs carry it as maxlength. */
export const ORGANIZATION_NAME_MAX = 80;

const organizationName = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter the organization's name.")
  .max(ORGANIZATION_NAME_MAX, `The name must be at most ${ORGANIZATION_NAME_MAX} characters.`)
  .refine((name) => !UNSAFE_TEXT_CHARS.test(name), "The name contains a control or text-direction character. Use plain text.");

export const createOrganizationSchema = z.object({ name: organizationName, slug: organizationSlugSchema });

export const updateOrganizationSchema = z.object({
  name: organizationName,
  transcriptionEnabled: z.boolean({ error: "Live transcription must be true or false." }).default(false),
  interpretationEnabled: z.boolean({ error: "Live interpretation must be true or false." }).default(false),
  /** Owners only; left out (unchanged) when an admin saves the form. */
  requireTwoFactor: z.boolean({ error: "Require two-factor must be true or false." }).optional(),
  /** How long entry attempts are kept; left out = unchanged. */
  activityRetentionDays: z.coerce
    .number({ error: "Enter a number of days from 1 to 365." })
    .int("Enter a whole number of days.")
    .min(1, "Keep sign-in activity for at least 1 day.")
    .max(365, "Keep sign-in activity for at most 365 days.")
    .optional(),
});
