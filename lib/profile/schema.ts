import { z } from "zod";

/**
 * Profile fields: which userProfile keys of a token an event shows on attendees' stream tiles.
 * One schema per operation, shared by the fields editor (hints) and the server (the authority).
 */
export const FIELD_KINDS = ["text", "url", "twitter", "linkedin"] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  text: "Text",
  url: "Web link",
  twitter: "Twitter / X",
  linkedin: "LinkedIn",
};

export const FIELD_KIND_HINTS: Record<FieldKind, string> = {
  text: "Shown as text.",
  url: "An https:// address; linked on the “You met with…” page.",
  twitter: "A handle or profile link; linked on the “You met with…” page.",
  linkedin: "A profile or company link; linked on the “You met with…” page.",
};

/** What the editor, the service and the token rules agree on. */
export const PROFILE_LIMITS = {
  keyMax: 64,
  labelMax: 40,
  fieldsPerEvent: 20,
} as const;

export interface ProfileFieldConfig {
  key: string;
  label: string;
  kind: FieldKind;
}

// C0/C1 controls, and the bidi overrides/isolates that can make text read backwards.
export const UNSAFE_TEXT_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The platform links fields *named* twitter and linkedin; the editor presets the kind from the key. */
export function presetKindFor(key: string): FieldKind | null {
  const normal = key.trim().toLowerCase();
  if (normal === "twitter" || normal === "linkedin") return normal;
  return null;
}

/** "job_title" → "Job title": a starting point for the label, which the admin can change. */
export function suggestLabel(key: string): string {
  const special = presetKindFor(key);
  if (special) return FIELD_KIND_LABELS[special];
  const words = key
    .trim()
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, PROFILE_LIMITS.labelMax);
}

/**
 * The key is compared byte for byte with what tokens send, so it is never trimmed or case-folded:
 * instead, anything a token could not plausibly send is refused with a reason.
 */
export const profileFieldKeySchema = z
  .string({ error: "Enter the key exactly as your tokens send it, e.g. organization." })
  .min(1, "Enter the key exactly as your tokens send it, e.g. organization.")
  .max(PROFILE_LIMITS.keyMax, `The key must be at most ${PROFILE_LIMITS.keyMax} characters.`)
  .refine((key) => key.trim().length > 0, "The key cannot be only spaces. Enter it exactly as your tokens send it, e.g. organization.")
  .refine(
    (key) => key === key.trim(),
    "The key starts or ends with a space, so tokens would have to send that space too. Remove it (spaces inside the key are fine).",
  )
  .refine((key) => !UNSAFE_TEXT_CHARS.test(key), "The key contains a control or text-direction character. Use plain text, as your tokens send it.");

export const profileFieldLabelSchema = z
  .string({ error: "Enter a label." })
  .trim()
  .min(1, "Enter a label: it names the field when attendees hover over a stream, e.g. Organization.")
  .max(PROFILE_LIMITS.labelMax, `The label must be at most ${PROFILE_LIMITS.labelMax} characters.`)
  .refine((label) => !UNSAFE_TEXT_CHARS.test(label), "The label contains a control or text-direction character. Use plain text.");

export const fieldKindSchema = z.enum(FIELD_KINDS, { error: "Choose a kind: text, web link, Twitter / X or LinkedIn." });

export const profileFieldSchema = z.object({
  key: profileFieldKeySchema,
  label: profileFieldLabelSchema,
  kind: fieldKindSchema,
});
export type ProfileFieldInput = z.input<typeof profileFieldSchema>;

const eventSlug = z.string().min(1).max(100);
const fieldId = z.string({ error: "Choose a field." }).min(1, "Choose a field.").max(64);

export const addProfileFieldSchema = z.object({ eventSlug }).and(profileFieldSchema);
export const updateProfileFieldSchema = z.object({ eventSlug, fieldId }).and(profileFieldSchema);
export const removeProfileFieldSchema = z.object({ eventSlug, fieldId });
export const reorderProfileFieldsSchema = z.object({
  eventSlug,
  order: z.array(fieldId).max(PROFILE_LIMITS.fieldsPerEvent, `An event has at most ${PROFILE_LIMITS.fieldsPerEvent} profile fields.`),
});

/** The whole ordered list at once (what the HTTP API's PUT takes). Keys must be unique. */
export const replaceProfileFieldsSchema = z
  .array(profileFieldSchema)
  .max(PROFILE_LIMITS.fieldsPerEvent, `An event has at most ${PROFILE_LIMITS.fieldsPerEvent} profile fields.`)
  .superRefine((fields, ctx) => {
    const seen = new Map<string, number>();
    fields.forEach((field, index) => {
      const folded = foldKey(field.key);
      const earlier = seen.get(folded);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `The key "${field.key}" repeats field ${earlier + 1} ("${fields[earlier]!.key}"). Each key may appear once, ignoring case and spacing.`,
        });
      } else seen.set(folded, index);
    });
  });

/**
 * Two keys that fold to the same value differ only by case or spacing: a token sending one of
 * them almost certainly meant the other. An event never configures both.
 */
export function foldKey(key: string): string {
  return key.normalize("NFKC").toLowerCase().replace(/[\s_\-.]+/g, "");
}
