import { z } from "zod";
import type { OrgRole } from "@/lib/auth/roles";
import { createEventBodySchema, EVENT_SORTS } from "@/lib/events/schema";
import { activateKeyBodySchema, addKeyBodySchema, patchEventBodySchema, inspectTokenBodySchema, putProfileFieldsBodySchema, retireKeyBodySchema, revokeKeyBodySchema } from "./request-bodies";
import {
  addedKeyResponseSchema,
  deletedResponseSchema,
  eventListResponseSchema,
  eventResponseSchema,
  jwksResponseSchema,
  keyListResponseSchema,
  keyResponseSchema,
  patchedEventResponseSchema,
  profileFieldsResponseSchema,
  tokenInspectionResponseSchema,
} from "./schemas";
import { LINK_OPERATIONS } from "@/lib/links/api-operations";
import { ACTIVITY_OPERATIONS } from "@/lib/activity/api-operations";
import { AUDIT_OPERATIONS } from "@/lib/audit/api-operations";

/**
 * The API's operations, in one list: the OpenAPI document is generated from it and a test checks
 * that every operation has a route handler and every handler an operation.
 */
export interface ApiOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  operationId: string;
  tag: (typeof API_TAGS)[number]["name"];
  summary: string;
  description?: string;
  /** "public" operations need no API key. */
  access: OrgRole | "public";
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Example request bodies (shown in the reference page's curl lines and in the document). */
  examples?: Array<{ summary: string; value: unknown }>;
  success: {
    status: number;
    description: string;
    schema?: z.ZodType;
    /** Answered as CSV instead of JSON for `Accept: text/csv`: what a row is, and its columns in order. */
    csv?: { description: string; columns: readonly string[] };
  };
  errors: number[];
}

/** The groups of the reference page and the document's tags, in order. */
export const API_TAGS = [
  { name: "Events", description: "Create and configure events: slug, contact, features and the token policy." },
  { name: "Profile fields", description: "Which userProfile keys of a token attendees see on the stream tile, in order." },
  {
    name: "Signing keys",
    description:
      "The public keys that verify attendee tokens. Rotate without downtime: add the new key, activate it, switch your signer, retire the old key, and revoke it once `revocation.safeToRevoke` is true.",
  },
  { name: "Test links", description: "One-off and long-lived links that sign a test attendee in, signed by a key the dashboard keeps. The token is returned once; only its hash is kept." },
  { name: "Tokens", description: "Check a token the way the event's entry would, without consuming it." },
  { name: "Activity", description: "Every sign-in attempt at the event's entry, summaries for charts, a diagnosis in words, and ending attendee sessions." },
  { name: "Audit log", description: "Who changed what in the organization, and when: the dashboard's audit log, with filters, as JSON or CSV." },
] as const;

export const listQuerySchema = z.object({
  page: z.number().int().min(1).optional().describe("1-based page number (default 1)"),
  pageSize: z.number().int().min(1).max(100).optional().describe("Items per page, 1–100 (default 25)"),
});

export const eventListQuerySchema = listQuerySchema.extend({
  q: z.string().optional().describe("Case-insensitive search in name and slug"),
  sort: z.enum(EVENT_SORTS).optional().describe("Sort column (default createdAt)"),
  dir: z.enum(["asc", "desc"]).optional().describe("Sort direction (default desc)"),
});

const READ_ERRORS = [401, 404, 429];
const KEY_PATH = "/events/{slug}/keys/{kid}";
const WRITE_ERRORS = [400, 401, 403, 404, 409, 422, 429];

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/events",
    operationId: "listEvents",
    tag: "Events",
    summary: "List the organization's events",
    access: "viewer",
    query: eventListQuerySchema,
    success: { status: 200, description: "One page of events", schema: eventListResponseSchema },
    errors: [400, 401, 429],
  },
  {
    method: "POST",
    path: "/events",
    operationId: "createEvent",
    tag: "Events",
    summary: "Create an event",
    description: "Slugs are unique across all organizations (the entry is /e/{slug}); a taken slug is 409 with field `slug`.",
    access: "admin",
    body: createEventBodySchema,
    examples: [{ summary: "A new event", value: { name: "Spring Summit 2027", slug: "spring-summit-2027", contact: "help@example.com", startsAt: "2027-04-01T15:00:00Z" } }],
    success: { status: 201, description: "The created event", schema: eventResponseSchema },
    errors: [400, 401, 403, 409, 429],
  },
  {
    method: "GET",
    path: "/events/{slug}",
    operationId: "getEvent",
    tag: "Events",
    summary: "Get an event",
    access: "viewer",
    success: { status: 200, description: "The event", schema: eventResponseSchema },
    errors: READ_ERRORS,
  },
  {
    method: "PATCH",
    path: "/events/{slug}",
    operationId: "updateEvent",
    tag: "Events",
    summary: "Change some of an event's fields",
    description:
      "Send only the fields to change. The result is validated as a whole (e.g. the end after the start). `jwksUrl` makes the event follow the JWKS your platform publishes (https only; private, loopback and metadata addresses are refused; at most 64 KB, 3 s, 20 keys); it is fetched once at once and the response's `jwks` shows what was found. `null` stops following.",
    access: "admin",
    body: patchEventBodySchema,
    examples: [
      { summary: "Shorter leeway", value: { leewaySeconds: 30 } },
      { summary: "Follow the platform's JWKS", value: { jwksUrl: "https://auth.example.com/.well-known/jwks.json" } },
      { summary: "Stop following it", value: { jwksUrl: null } },
    ],
    success: { status: 200, description: "The updated event (and the JWKS trial fetch, when jwksUrl was sent)", schema: patchedEventResponseSchema },
    errors: WRITE_ERRORS,
  },
  {
    method: "DELETE",
    path: "/events/{slug}",
    operationId: "deleteEvent",
    tag: "Events",
    summary: "Delete an event with its keys, profile fields, links and attendee sessions",
    access: "admin",
    success: { status: 200, description: "Deleted", schema: deletedResponseSchema },
    errors: [401, 403, 404, 429],
  },
  {
    method: "GET",
    path: "/events/{slug}/profile-fields",
    operationId: "listProfileFields",
    tag: "Profile fields",
    summary: "List the event's profile fields, in display order",
    description: "Which userProfile keys of a token attendees see on the stream tile. The first field the token sends shows atop the stream, the rest on hover.",
    access: "viewer",
    success: { status: 200, description: "The ordered list", schema: profileFieldsResponseSchema },
    errors: READ_ERRORS,
  },
  {
    method: "PUT",
    path: "/events/{slug}/profile-fields",
    operationId: "replaceProfileFields",
    tag: "Profile fields",
    summary: "Replace the whole ordered list of profile fields",
    description:
      "Fields are matched by key: a kept key keeps its field, missing keys are removed, new ones added, and the array order becomes the display order. `[]` removes all. Errors name the item, e.g. field `fields.1.key`.",
    access: "admin",
    body: putProfileFieldsBodySchema,
    examples: [
      {
        summary: "The platform doc's example fields",
        value: { fields: [{ key: "organization", label: "Organization", kind: "text" }, { key: "title", label: "Title", kind: "text" }, { key: "linkedin", label: "LinkedIn", kind: "linkedin" }] },
      },
    ],
    success: { status: 200, description: "The list as stored", schema: profileFieldsResponseSchema },
    errors: [400, 401, 403, 404, 429],
  },
  {
    method: "GET",
    path: "/events/{slug}/keys",
    operationId: "listKeys",
    tag: "Signing keys",
    summary: "List the event's signing keys",
    description: "All keys of the event (an event has a handful, so this list is not paged): active first, then standby, retired and revoked, newest first. `health.noActiveKey` warns that no new token is accepted.",
    access: "viewer",
    success: { status: 200, description: "The keys and a count per status", schema: keyListResponseSchema },
    errors: READ_ERRORS,
  },
  {
    method: "POST",
    path: "/events/{slug}/keys",
    operationId: "addKey",
    tag: "Signing keys",
    summary: "Add a public key, or generate a key pair",
    description:
      "Send `publicKey` to add the public half of a pair you made (private keys are refused and never stored), or `generate` to make a pair here: its private key is in this response only. " +
      "New keys are on standby unless `activate` is true. A refused key is 400 with `\"field\": \"publicKey\"` and a `reason` (private_key, too_small, bad_exponent, certificate, …); a key already on the event is 409 (reason duplicate).",
    access: "admin",
    body: addKeyBodySchema,
    examples: [
      { summary: "Add a public key (PEM with \\n line breaks in JSON)", value: { publicKey: "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq…\n-----END PUBLIC KEY-----\n", label: "2027 rotation" } },
      { summary: "Generate a pair; you keep the only copy of the private key", value: { generate: { bits: 2048, keepPrivateKey: false }, label: "2027 rotation" } },
    ],
    success: { status: 201, description: "The new key (and, when generated, its private key, once)", schema: addedKeyResponseSchema },
    errors: WRITE_ERRORS,
  },
  {
    method: "POST",
    path: `${KEY_PATH}/activate`,
    operationId: "activateKey",
    tag: "Signing keys",
    summary: "Activate a standby key",
    description:
      "Active keys verify tokens. The rotation order: add the new key (standby), activate it (old and new both verify), switch your platform to sign with it, retire the old key, revoke it when safe. `overlapHours` says how long both may stay active before the dashboard warns. Keys from the event's JWKS URL are the host's to change (422).",
    access: "admin",
    body: activateKeyBodySchema,
    examples: [{ summary: "Activate, expecting the platform to switch within a day", value: { overlapHours: 24 } }],
    success: { status: 200, description: "The key, now active", schema: keyResponseSchema },
    errors: [400, 401, 403, 404, 422, 429],
  },
  {
    method: "POST",
    path: `${KEY_PATH}/retire`,
    operationId: "retireKey",
    tag: "Signing keys",
    summary: "Retire an active key",
    description:
      "A retired key still verifies the tokens it already signed, so nobody is turned away; sign new tokens with another active key. Retiring the only active key is refused (422, field acknowledgeNoActiveKey) unless the body says `{\"acknowledgeNoActiveKey\": true}`.",
    access: "admin",
    body: retireKeyBodySchema,
    examples: [{ summary: "Retire the only active key on purpose", value: { acknowledgeNoActiveKey: true } }],
    success: { status: 200, description: "The key, now retired", schema: keyResponseSchema },
    errors: [400, 401, 403, 404, 422, 429],
  },
  {
    method: "POST",
    path: `${KEY_PATH}/revoke`,
    operationId: "revokeKey",
    tag: "Signing keys",
    summary: "Revoke a standby or retired key, for good",
    description:
      "Tokens signed with a revoked key fail with key_revoked, and the dashboard's encrypted copy of its private key is destroyed. An active key is retired first (422). Check `revocation.safeToRevoke` in the key list: once true, no valid token can still carry the key. Before that, revoking is refused (422, field acknowledgeUnsafeRevoke, the message names the tokens that would fail) unless the body says `{\"acknowledgeUnsafeRevoke\": true}` (a leaked key).",
    access: "admin",
    body: revokeKeyBodySchema,
    examples: [{ summary: "Revoke a leaked key now", value: { acknowledgeUnsafeRevoke: true } }],
    success: { status: 200, description: "The key, now revoked", schema: keyResponseSchema },
    errors: [400, 401, 403, 404, 422, 429],
  },
  {
    method: "GET",
    path: "/events/{slug}/jwks.json",
    operationId: "getJwks",
    tag: "Signing keys",
    summary: "The event's public key set (JWKS)",
    description: "Active and retired keys, public members only. No API key needed; cacheable for 5 minutes.",
    access: "public",
    success: { status: 200, description: "A JSON Web Key Set (application/jwk-set+json)", schema: jwksResponseSchema },
    errors: [404, 503],
  },
  {
    method: "POST",
    path: "/events/{slug}/tokens/inspect",
    operationId: "inspectToken",
    tag: "Tokens",
    summary: "Check a token as the event's entry would, and explain the result",
    description:
      "The dashboard's token debugger: header and payload decoded for display, every check (format, algorithm, key, signature, exp, nbf, iat, lifetime, cutoff, claims) with pass, fail or skip and a sentence, the verdict with the attendee's reason code, " +
      "the replay state of its jti (a used one-off link or host jti would be already_used) and the stream tile the event's profile fields make of it. " +
      "It consumes nothing: a one-off link stays unused, a jti stays unclaimed, key usage is not counted. Do not send tokens of real attendees through systems that log request bodies.",
    access: "viewer",
    body: inspectTokenBodySchema,
    examples: [{ summary: "A token from your platform", value: { token: "eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9.eyJkaXNwbGF5TmFtZSI6IkxhcnJ5In0.…" } }],
    success: { status: 200, description: "The inspection (a refused token is still 200: the verdict says why)", schema: tokenInspectionResponseSchema },
    errors: [400, 401, 404, 429],
  },
  ...LINK_OPERATIONS,
  ...ACTIVITY_OPERATIONS,
  ...AUDIT_OPERATIONS,
];
