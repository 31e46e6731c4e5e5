import { z } from "zod";
import { inspectTokenSchema } from "@/lib/debugger/schema";
import { DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS } from "@/lib/keys/lifecycle";
import { patchEventSchema } from "@/lib/events/schema";
import { jwksUrlValue } from "@/lib/keys/jwks-url/schema";
import { generateKeySchema, keyTransitionSchema } from "@/lib/keys/schema";
import { fieldKindSchema, PROFILE_LIMITS, profileFieldKeySchema, profileFieldLabelSchema, replaceProfileFieldsSchema } from "@/lib/profile/schema";

/**
 * Request bodies of the API operations that have no dashboard form of the same shape (the event
 * slug and the key's kid come from the path). Each reuses its area's field rules, so the API and
 * the dashboard refuse the same input with the same message. Unknown fields are refused: a typo
 * must not silently fall back to a default (e.g. "activte": true leaving the key on standby).
 */
const unknownFields = (accepted: string) => (issue: z.core.$ZodRawIssue) =>
  issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => `"${k}"`).join(", ")}. This operation accepts ${accepted}.` : undefined;

const activate = z
  .boolean({ error: "activate must be true or false." })
  .default(false)
  .describe("true: the key is active at once (it verifies tokens next to the current keys); default false: standby");

const keyLabel = generateKeySchema.shape.label.describe("Optional note shown with the key, e.g. \"2027 rotation\" (at most 60 characters)");

const generateOptions = z
  .strictObject(
    {
      bits: z.literal([2048, 3072, 4096], { error: "generate.bits must be 2048, 3072 or 4096." }).default(2048).describe("RSA modulus size (default 2048)"),
      privateKeyFormat: generateKeySchema.shape.privateKeyFormat.describe(
        "pkcs1 (BEGIN RSA PRIVATE KEY, what the doc's ssh-keygen writes; default) or pkcs8 (BEGIN PRIVATE KEY, for jose or Java)",
      ),
      keepPrivateKey: z
        .boolean({
          error:
            "generate.keepPrivateKey is required: true keeps an encrypted copy here (needed to sign test links), false leaves the only copy with you.",
        })
        .describe("Required decision: true keeps an encrypted copy in the dashboard (to sign test links); false: the response holds the only copy"),
    },
    { error: unknownFields("bits, privateKeyFormat and keepPrivateKey") },
  )
  .describe("Generate a new RSA key pair here. The private key is in this one response only (never shown again)");

/** POST /events/{slug}/keys: exactly one of `publicKey` (add) or `generate` (make a pair). */
export const addKeyBodySchema = z
  .strictObject(
    {
      // Without the form schema's 1 MB cap: the 64 KB body limit stops absurd input, and the key parser
      // refuses anything over 16 KB with its own reason (too_long) and advice.
      publicKey: z
        .string({ error: "publicKey must be the public key as text (PEM, ssh-rsa line or JWK JSON as a string)." })
        .optional()
        .describe("Add this public key: SPKI PEM (BEGIN PUBLIC KEY), PKCS#1 PEM (BEGIN RSA PUBLIC KEY), an ssh-rsa line, a JWK or a one-key JWKS (at most 16 KB). Private keys are refused"),
      generate: generateOptions.optional(),
      activate,
      label: keyLabel,
    },
    { error: unknownFields("publicKey or generate, with activate and label") },
  )
  .superRefine((body, ctx) => {
    if (body.publicKey === undefined && body.generate === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["publicKey"],
        message: 'Send either "publicKey" (a public key to add) or "generate" (e.g. {"bits": 2048, "keepPrivateKey": false}) to make a new pair here.',
      });
    } else if (body.publicKey !== undefined && body.generate !== undefined) {
      ctx.addIssue({ code: "custom", path: ["generate"], message: 'Send "publicKey" or "generate", not both: one request adds one key.' });
    }
  });
export type AddKeyBody = z.output<typeof addKeyBodySchema>;

/** POST /events/{slug}/keys/{kid}/retire: the body is optional. */
export const retireKeyBodySchema = z
  .strictObject(
    {
      acknowledgeNoActiveKey: z
        .boolean({ error: "acknowledgeNoActiveKey must be true or false." })
        .default(false)
        .describe("Needed (true) to retire the event's only active key: until another key is active, no new token is accepted"),
    },
    { error: unknownFields("acknowledgeNoActiveKey") },
  )
  .optional()
  .transform((body) => body ?? { acknowledgeNoActiveKey: false });

/** POST /events/{slug}/keys/{kid}/activate: the body is optional. */
export const activateKeyBodySchema = z
  .strictObject(
    {
      overlapHours: keyTransitionSchema.shape.overlapHours.describe(
        `How long old and new keys may both stay active while your platform switches (hours, 1–${MAX_OVERLAP_HOURS}, default ${DEFAULT_OVERLAP_HOURS}); past it, with more than one active key, the dashboard warns`,
      ),
    },
    { error: unknownFields("overlapHours") },
  )
  .optional()
  .transform((body) => body ?? { overlapHours: DEFAULT_OVERLAP_HOURS });

/** POST /events/{slug}/keys/{kid}/revoke: the body is optional. */
export const revokeKeyBodySchema = z
  .strictObject(
    {
      acknowledgeUnsafeRevoke: z
        .boolean({ error: "acknowledgeUnsafeRevoke must be true or false." })
        .default(false)
        .describe("Needed (true) to revoke a retired key before revocation.safeToRevoke: every still-valid token it signed is refused (a leaked key)"),
    },
    { error: unknownFields("acknowledgeUnsafeRevoke") },
  )
  .optional()
  .transform((body) => body ?? { acknowledgeUnsafeRevoke: false });

/** PATCH /events/{slug}: the event's fields, plus the JWKS URL it follows (set on the Keys tab in the dashboard). */
export const patchEventBodySchema = patchEventSchema.extend({
  jwksUrl: jwksUrlValue
    .nullable()
    .optional()
    .describe(
      "Follow the JWKS your platform publishes at this https URL (its keys verify tokens beside the keys added here; the host rotates there). It is fetched once when set: on failure nothing changes (400, field jwksUrl). null stops following",
    ),
});

/** One field as the reference documents it: the profile area's own validators, with notes for API users. */
const documentedProfileField = z.object({
  key: profileFieldKeySchema.describe("Exactly as your tokens send it in userProfile (compared byte for byte; unique per event ignoring case and spacing)"),
  label: profileFieldLabelSchema.describe("Names the field when attendees hover over a stream, e.g. Organization"),
  kind: fieldKindSchema.describe("text; url, twitter or linkedin become links on the “You met with…” page"),
});

/**
 * PUT /events/{slug}/profile-fields: the whole ordered list (what GET returns in `data` can be sent
 * back as `fields`). Each item is checked with its notes first, then the list by the profile
 * area's schema (count, keys unique), so the rules stay in one place.
 */
export const putProfileFieldsBodySchema = z.strictObject(
  {
    fields: z
      .array(documentedProfileField)
      .pipe(replaceProfileFieldsSchema)
      .describe(
        `The event's profile fields in display order (at most ${PROFILE_LIMITS.fieldsPerEvent}). Matched by key: a kept key keeps its field, missing keys are removed. Extra members (e.g. position) are ignored`,
      ),
  },
  { error: unknownFields('"fields", the ordered list') },
);

/** POST /events/{slug}/tokens/inspect: the dashboard debugger's token rule. */
export const inspectTokenBodySchema = z.strictObject(
  {
    token: inspectTokenSchema.shape.token.describe(
      "The JWT as an attendee would bring it, or the whole entry link (…/e/{slug}?token=…). It is checked, never stored, logged or redeemed",
    ),
  },
  { error: unknownFields('"token"') },
);
