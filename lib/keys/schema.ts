import { z } from "zod";
import { DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS } from "./lifecycle";

/** One schema per key operation, shared by the dialogs and the server (the authority). */
const eventSlug = z.string().min(1).max(100);
const keyId = z.string({ error: "Choose a key." }).min(1, "Choose a key.").max(64);

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .transform((v) => v === true || v === "on" || v === "true");

export const KEY_LABEL_MAX = 60;
const label = z
  .string()
  .trim()
  .max(KEY_LABEL_MAX, `The label must be at most ${KEY_LABEL_MAX} characters.`)
  .optional()
  .transform((v) => v || null);

export const generateKeySchema = z.object({
  eventSlug,
  bits: z.coerce
    .number({ error: "Choose 2048, 3072 or 4096 bits." })
    .refine((v) => v === 2048 || v === 3072 || v === 4096, "Choose 2048, 3072 or 4096 bits.")
    .default(2048)
    .transform((v) => v as 2048 | 3072 | 4096),
  privateKeyFormat: z.enum(["pkcs1", "pkcs8"], { error: "Choose PKCS#1 or PKCS#8 for the private key file." }).default("pkcs1"),
  // Deliberately no default: the admin decides whether the dashboard keeps an encrypted copy.
  keepPrivateKey: z
    .union([z.boolean(), z.enum(["keep", "discard"])], {
      error: "Choose whether the dashboard keeps an encrypted copy of the private key.",
    })
    .transform((v) => v === true || v === "keep"),
  label,
  activate: checkbox.default(false),
});
export type GenerateKeyInput = z.output<typeof generateKeySchema>;

// The parser enforces the 16 KB limit with its own message; this only stops absurd payloads early.
export const uploadPublicKeySchema = z.object({
  eventSlug,
  publicKey: z.string({ error: "Paste a public key, or choose a file." }).max(1_000_000, "Paste only the public key (at most 16 KB)."),
  label,
  activate: checkbox.default(false),
});
export type UploadPublicKeyInput = z.output<typeof uploadPublicKeySchema>;

export const keyTransitionSchema = z.object({
  eventSlug,
  keyId,
  /** Retiring the last active key leaves the event accepting no new token: only with this acknowledgement. */
  acknowledgeNoActiveKey: checkbox.default(false),
  /** Activate: how long old and new keys may both stay active before the page warns. */
  overlapHours: z.coerce
    .number({ error: `Choose how many hours old and new keys may overlap (1 to ${MAX_OVERLAP_HOURS}).` })
    .int(`Choose a whole number of hours (1 to ${MAX_OVERLAP_HOURS}).`)
    .min(1, `The overlap must be at least 1 hour.`)
    .max(MAX_OVERLAP_HOURS, `The overlap can be at most ${MAX_OVERLAP_HOURS} hours (30 days).`)
    .default(DEFAULT_OVERLAP_HOURS),
  /** Revoking a key before it is safe turns away attendees holding tokens it signed: only with this acknowledgement. */
  acknowledgeUnsafeRevoke: checkbox.default(false),
});
/** The parsed input; the overlap and the early-revocation acknowledgement are optional for callers that build it in code. */
export type KeyTransitionInput = Omit<z.output<typeof keyTransitionSchema>, "overlapHours" | "acknowledgeUnsafeRevoke"> &
  Partial<Pick<z.output<typeof keyTransitionSchema>, "overlapHours" | "acknowledgeUnsafeRevoke">>;
