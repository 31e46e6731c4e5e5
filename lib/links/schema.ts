import { z } from "zod";
import { ATTENDEE_ROLES } from "@/lib/profile/roles";
import { listQueryShape } from "@/lib/tables/list-params";
import { CLAIM_LIMITS } from "@/lib/tokens/attendee-claims";
import { checkLinkClaims } from "./claims";
import { LINK_KINDS, LINK_STATUSES } from "./status";

/**
 * One schema per test-link operation, shared by the issue form, the server actions and the HTTP
 * API. The attendee's claims are checked with the entry's own rules (checkLinkClaims), so a link
 * that passes here is a link the entry accepts; the service adds what needs the event (feature
 * flags, lifetimes, keys).
 */
const eventSlug = z.string().min(1).max(100);

const ALL_FEATURES = { transcription: true, interpretation: true };

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .transform((v) => v === true || v === "on" || v === "true");

const attendeeShape = {
  displayName: z.string({ error: "Enter the attendee's name." }).max(CLAIM_LIMITS.displayNameLength).describe("Name on the attendee's stream (required, at most 80 characters)"),
  email: z.string().max(CLAIM_LIMITS.emailLength * 4).nullish().describe("Optional; shared only through opt-in contact sharing"),
  avatarUrl: z.string().max(CLAIM_LIMITS.avatarUrlLength * 4).nullish().describe("Optional https:// image URL; absent: initials"),
  userProfile: z
    .array(z.tuple([z.string(), z.string()]), { error: "userProfile must be a list of [key, value] text pairs." })
    .max(CLAIM_LIMITS.profileEntries, `At most ${CLAIM_LIMITS.profileEntries} profile entries.`)
    .default([])
    .describe("[key, value] pairs in the order the token lists them; pairs with an empty value are left out"),
  roles: z
    .array(z.enum(ATTENDEE_ROLES, { error: `Roles are ${ATTENDEE_ROLES.join(", ")}.` }))
    .max(ATTENDEE_ROLES.length)
    .default([])
    .describe("host, presenter, transcriber, interpreter (the last two need the feature on for organization and event)"),
  kind: z.enum(LINK_KINDS, { error: "Choose one-off or long-lived." }).default("one_off").describe("one_off (default; the policy's lifetime, usable once) or long_lived"),
  lifetimeSeconds: z
    .number({ error: "The duration must be a whole number of seconds." })
    .int("The duration must be a whole number of seconds.")
    .nullish()
    .describe("Long-lived links only: seconds until expiry, at most the event's long-lived maximum (default one day)"),
  confirmHostLongLived: checkbox.default(false),
};

const CONFIRM_HOST = "Required (true) for a long-lived link with the host role: anyone holding it can run the event";

type AttendeeFields = { displayName: string; email?: string | null; avatarUrl?: string | null; userProfile: Array<[string, string]>; roles: Array<(typeof ATTENDEE_ROLES)[number]> };

/** The entry's claim rules, as field errors ("userProfile.2.1"). */
function refineClaims(value: AttendeeFields, ctx: z.RefinementCtx) {
  const check = checkLinkClaims(value, ALL_FEATURES);
  if (!check.ok) ctx.addIssue({ code: "custom", path: check.error.field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: check.error.message });
}

/** POST /api/v1/events/{slug}/links: the dashboard signs with a key it keeps. */
export const issueLinkBodySchema = z
  .object({
    ...attendeeShape,
    confirmHostLongLived: z.boolean({ error: "confirmHostLongLived must be true or false." }).default(false).describe(CONFIRM_HOST),
    keyId: z.string().max(64).nullish().describe("Which active key the dashboard keeps to sign with (SigningKey id; default: the most recently activated one)"),
  })
  .strict()
  .superRefine(refineClaims);

/** The issue form, signed on the server. */
export const issueLinkSchema = z
  .object({ eventSlug, ...attendeeShape, keyId: z.string().max(64).nullish() })
  .superRefine(refineClaims);
export type IssueLinkInput = z.output<typeof issueLinkSchema>;

const hex64 = /^[0-9a-f]{64}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The issue form, signed in the browser: the server records the link from its metadata only. The
 * token never reaches the server; tokenHash lets the dashboard recognise it later.
 */
export const recordBrowserLinkSchema = z
  .object({
    eventSlug,
    ...attendeeShape,
    jti: z.string().regex(uuid, "jti must be a random UUID (crypto.randomUUID())."),
    kid: z.string().min(1).max(128),
    iat: z.number().int(),
    exp: z.number().int(),
    tokenHash: z.string().regex(hex64, "tokenHash must be the token's SHA-256 as 64 lowercase hex digits."),
  })
  .superRefine(refineClaims);
export type RecordBrowserLinkInput = z.output<typeof recordBrowserLinkSchema>;

export const revokeLinkSchema = z.object({ eventSlug, linkId: z.string().min(1).max(64) });
export const revokeAllLinksSchema = z.object({ eventSlug });

export const LINK_SORTS = ["issuedAt", "expiresAt", "displayName"] as const;
export type LinkSort = (typeof LINK_SORTS)[number];
export const LINK_FILTERS = ["status", "kind", "role", "issuer"] as const;
export type LinkFilter = (typeof LINK_FILTERS)[number];

/** GET /api/v1/events/{slug}/links: the links table's search, sort and filters, refused with the field named when unknown. */
export const linkListQuerySchema = z.object({
  ...listQueryShape({ sortable: LINK_SORTS, defaultSort: "issuedAt", search: "Case-insensitive search in the attendee's name" }),
  status: z.enum(LINK_STATUSES, { error: `status is one of ${LINK_STATUSES.join(", ")}.` }).optional().describe("active, used, expired or revoked"),
  kind: z.enum(LINK_KINDS, { error: `kind is one of ${LINK_KINDS.join(", ")}.` }).optional(),
  role: z.enum(ATTENDEE_ROLES, { error: `role is one of ${ATTENDEE_ROLES.join(", ")}.` }).optional().describe("Links that give this role"),
  issuer: z.string().max(200).optional().describe("Who issued them, as shown in issuedBy"),
});
