import { z } from "zod";
import type { OrgRole } from "@/lib/auth/roles";
import { attemptListResponseSchema, diagnosisResponseSchema, endSessionsResponseSchema, summaryResponseSchema } from "@/lib/activity/present";
import { attemptListQuerySchema, endSessionsBodySchema, summaryQuerySchema } from "@/lib/activity/schema";
import { AUDIT_CSV_COLUMNS, auditListResponseSchema } from "@/lib/audit/present";
import { auditListQuerySchema } from "@/lib/audit/schema";
import { createEventBodySchema, eventListQuerySchema } from "@/lib/events/schema";
import type { KeyTransition } from "@/lib/keys/lifecycle";
import { LINK_CSV_COLUMNS, LINK_EXPORT_LIMIT } from "@/lib/links/csv";
import { issueLinkBodySchema, linkListQuerySchema } from "@/lib/links/schema";
import { activateKeyBodySchema, addKeyBodySchema, patchEventBodySchema, inspectTokenBodySchema, putProfileFieldsBodySchema, retireKeyBodySchema, revokeKeyBodySchema } from "./request-bodies";
import {
  addedKeyResponseSchema,
  deletedResponseSchema,
  eventListResponseSchema,
  eventResponseSchema,
  issuedLinkResponseSchema,
  jwksResponseSchema,
  keyListResponseSchema,
  keyResponseSchema,
  linkListResponseSchema,
  linkResponseSchema,
  patchedEventResponseSchema,
  profileFieldsResponseSchema,
  tokenInspectionResponseSchema,
} from "./schemas";

/**
 * The API's contract, in one list: apiRoute(operationId) takes each operation's role, body and
 * query schemas from here, the OpenAPI document and the reference page are generated from it, and
 * a test checks that every operation has a route handler and every handler an operation.
 */
export interface ApiOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  operationId: string;
  tag: (typeof API_TAGS)[number]["name"];
  summary: string;
  description?: string;
  /** "public" operations need no API key (and are served without apiRoute). */
  access: OrgRole | "public";
  /** The query string's schema: what the handler receives parsed, and what the document lists. */
  query?: z.ZodType;
  /** The JSON body's schema; a body that may be left out is one that accepts undefined. */
  body?: z.ZodType;
  /** Example request bodies (shown in the reference page's curl lines and in the document). */
  examples?: ReadonlyArray<{ summary: string; value: unknown }>;
  success: {
    status: number;
    description: string;
    schema?: z.ZodType;
    /** Answered as CSV instead of JSON for `Accept: text/csv`: what a row is, and its columns in order. */
    csv?: { description: string; columns: readonly string[] };
  };
  errors: readonly number[];
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

const READ_ERRORS = [401, 404, 429];
/** A read that parses a query or a body: a bad one is 400 naming the field. */
const READ_INPUT_ERRORS = [400, 401, 404, 429];
const KEY_PATH = "/events/{slug}/keys/{kid}";
const WRITE_ERRORS = [400, 401, 403, 404, 409, 422, 429];

/** The three lifecycle steps of a key share a path, a role and their errors. */
function keyTransition<const T extends KeyTransition, const B extends z.ZodType>(
  transition: T,
  doc: { summary: string; description: string; body: B; example: { summary: string; value: unknown }; result: string },
) {
  return {
    method: "POST",
    path: `${KEY_PATH}/${transition}`,
    operationId: `${transition}Key` as `${T}Key`,
    tag: "Signing keys",
    summary: doc.summary,
    description: doc.description,
    access: "admin",
    body: doc.body,
    examples: [doc.example],
    success: { status: 200, description: doc.result, schema: keyResponseSchema },
    errors: [400, 401, 403, 404, 422, 429],
  } as const satisfies ApiOperation;
}

const OPERATIONS = [
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
  keyTransition("activate", {
    summary: "Activate a standby key",
    description:
      "Active keys verify tokens. The rotation order: add the new key (standby), activate it (old and new both verify), switch your platform to sign with it, retire the old key, revoke it when safe. `overlapHours` says how long both may stay active before the dashboard warns. Keys from the event's JWKS URL are the host's to change (422).",
    body: activateKeyBodySchema,
    example: { summary: "Activate, expecting the platform to switch within a day", value: { overlapHours: 24 } },
    result: "The key, now active",
  }),
  keyTransition("retire", {
    summary: "Retire an active key",
    description:
      "A retired key still verifies the tokens it already signed, so nobody is turned away; sign new tokens with another active key. Retiring the only active key is refused (422, field acknowledgeNoActiveKey) unless the body says `{\"acknowledgeNoActiveKey\": true}`.",
    body: retireKeyBodySchema,
    example: { summary: "Retire the only active key on purpose", value: { acknowledgeNoActiveKey: true } },
    result: "The key, now retired",
  }),
  keyTransition("revoke", {
    summary: "Revoke a standby or retired key, for good",
    description:
      "Tokens signed with a revoked key fail with key_revoked, and the dashboard's encrypted copy of its private key is destroyed. An active key is retired first (422). Check `revocation.safeToRevoke` in the key list: once true, no valid token can still carry the key. Before that, revoking is refused (422, field acknowledgeUnsafeRevoke, the message names the tokens that would fail) unless the body says `{\"acknowledgeUnsafeRevoke\": true}` (a leaked key).",
    body: revokeKeyBodySchema,
    example: { summary: "Revoke a leaked key now", value: { acknowledgeUnsafeRevoke: true } },
    result: "The key, now revoked",
  }),
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
    errors: READ_INPUT_ERRORS,
  },
  {
    method: "GET",
    path: "/events/{slug}/links",
    operationId: "listLinks",
    tag: "Test links",
    summary: "List the event's test links",
    description:
      "Newest first by default. Filter by status, kind, role, issuer; `q` searches the attendee's name. Tokens are never returned here. " +
      `Send \`Accept: text/csv\` for every link the filters select as CSV (no paging; at most ${LINK_EXPORT_LIMIT.toLocaleString("en-US")} rows), the same as the dashboard's Export CSV.`,
    access: "viewer",
    query: linkListQuerySchema,
    success: {
      status: 200,
      description: "One page of links (JSON), or all selected links (CSV)",
      schema: linkListResponseSchema,
      csv: { description: "One row per link, in the requested sort order.", columns: LINK_CSV_COLUMNS },
    },
    errors: READ_INPUT_ERRORS,
  },
  {
    method: "POST",
    path: "/events/{slug}/links",
    operationId: "issueLink",
    tag: "Test links",
    summary: "Issue a test link, signed by the dashboard",
    description:
      "Signs with an active key whose private key the dashboard keeps (422 if there is none). The claims are checked with the entry's rules; transcriber/interpreter need the feature on for organization and event. " +
      "one_off links last the event's one-off lifetime and work once; long_lived links last `lifetimeSeconds` (at most the event's maximum) and work until they expire or are revoked: anyone holding one signs in as this person, so never send it by email or chat. " +
      "The token is in this response only; the dashboard keeps its SHA-256.",
    access: "admin",
    body: issueLinkBodySchema,
    success: { status: 201, description: "The link, with its token and URL (shown once)", schema: issuedLinkResponseSchema },
    errors: WRITE_ERRORS,
  },
  {
    method: "POST",
    path: "/events/{slug}/links/{id}/revoke",
    operationId: "revokeLink",
    tag: "Test links",
    summary: "Revoke a test link",
    description: "The entry refuses it from then on (reason link_revoked). 409 if already revoked; 422 if it is used or expired (nothing to revoke).",
    access: "admin",
    success: { status: 200, description: "The revoked link", schema: linkResponseSchema },
    errors: [401, 403, 404, 409, 422, 429],
  },
  {
    method: "GET",
    path: "/events/{slug}/activity",
    operationId: "listAttempts",
    tag: "Activity",
    summary: "List the event's entry attempts, newest first",
    description:
      "Every attempt at the attendee entry (GET with a token, the one-off link's confirmation, its POST): outcome, reason with the attendee's explanation and the admin's advice, key, source, coarse network and browser. " +
      "Never the token; the attendee's name, email and jti only when the signature verified. Filters as in the Activity tab. Send `Accept: text/csv` for CSV of the filtered attempts (at most 100,000).",
    access: "viewer",
    query: attemptListQuerySchema,
    success: { status: 200, description: "One page of attempts (or text/csv)", schema: attemptListResponseSchema },
    errors: READ_INPUT_ERRORS,
  },
  {
    method: "GET",
    path: "/events/{slug}/activity/summary",
    operationId: "getActivitySummary",
    tag: "Activity",
    summary: "Totals, refusals by reason, sign-ins by key and per-minute or per-hour buckets",
    description: "Default window: the hour before `to` (default now). `byKey` is the rotation progress: each key's share of sign-ins. from after to, or minute buckets over more than 31 days, are 400 with the field.",
    access: "viewer",
    query: summaryQuerySchema,
    success: { status: 200, description: "The summary", schema: summaryResponseSchema },
    errors: READ_INPUT_ERRORS,
  },
  {
    method: "GET",
    path: "/events/{slug}/activity/diagnosis",
    operationId: "getActivityDiagnosis",
    tag: "Activity",
    summary: "What is wrong with the last 15 minutes of sign-ins, in words, with advice",
    description: "Findings such as wrong_key, retired_key_in_use, milliseconds, clock_ahead, one_off_reused, noisy_network; an empty list when nothing stands out.",
    access: "viewer",
    success: { status: 200, description: "The findings", schema: diagnosisResponseSchema },
    errors: READ_ERRORS,
  },
  {
    method: "POST",
    path: "/events/{slug}/sessions/end",
    operationId: "endSessions",
    tag: "Activity",
    summary: "End live attendee sessions",
    description: 'Exactly one of `{"all": true}`, `{"linkId": …}` (a test link\'s sessions), `{"kid": …}` (the sessions a key\'s tokens opened) or `{"sessionId": …}`. The attendees\' next request shows reason session_ended; they get in again only with a fresh token. Audited.',
    access: "admin",
    body: endSessionsBodySchema,
    examples: [
      { summary: "Everyone out", value: { all: true } },
      { summary: "The sessions of a leaked key", value: { kid: "QZYJbtt2i7bAGgcpvUQwmOUEHNCCnUAsp3WfiVnHAQM" } },
    ],
    success: { status: 200, description: "How many sessions were ended", schema: endSessionsResponseSchema },
    errors: [400, 401, 403, 404, 429],
  },
  {
    method: "GET",
    path: "/audit",
    operationId: "listAuditLog",
    tag: "Audit log",
    summary: "List the organization's audit log, newest first",
    description:
      "Who changed what, and when: organization, members, events, keys, profile fields, test links, API keys and account security. Each entry carries its changes as before → after and its other facts as labelled text, and the recorded details as JSON. " +
      "Filters as in the dashboard's Audit log; a bad filter is 400 naming the field. Send `Accept: text/csv` for CSV of every matching entry (at most 100,000).",
    access: "viewer",
    query: auditListQuerySchema,
    success: {
      status: 200,
      description: "One page of entries (or text/csv)",
      schema: auditListResponseSchema,
      csv: { description: 'Every matching entry, newest first; changes and details as readable text ("Role: viewer → admin").', columns: AUDIT_CSV_COLUMNS },
    },
    errors: [400, 401, 429],
  },
] as const satisfies readonly ApiOperation[];

/** Every operation, for the document, the reference page and the tests. */
export const API_OPERATIONS: readonly ApiOperation[] = OPERATIONS;

type Operation = (typeof OPERATIONS)[number];
export type OperationId = Operation["operationId"];
type OperationNamed<Id extends OperationId> = Extract<Operation, { operationId: Id }>;
/** What an operation's handler receives as its body and query: the parsed output of its schemas. */
export type BodyOf<Id extends OperationId> = OperationNamed<Id> extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
export type QueryOf<Id extends OperationId> = OperationNamed<Id> extends { query: infer S extends z.ZodType } ? z.output<S> : undefined;

export function apiOperation(operationId: OperationId): ApiOperation {
  const operation = API_OPERATIONS.find((op) => op.operationId === operationId);
  if (!operation) throw new Error(`No API operation ${operationId}`);
  return operation;
}
