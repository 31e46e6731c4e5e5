import type { ApiOperation } from "@/lib/api/operations";
import { issuedLinkResponseSchema, linkListResponseSchema, linkResponseSchema } from "./api";
import { LINK_CSV_COLUMNS, LINK_EXPORT_LIMIT } from "./csv";
import { issueLinkBodySchema, linkListQuerySchema } from "./schema";

/** The test-link operations of the HTTP API (spread into API_OPERATIONS, so the OpenAPI document lists them). */
export const LINK_OPERATIONS: ApiOperation[] = [
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
    errors: [400, 401, 404, 429],
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
    errors: [400, 401, 403, 404, 409, 422, 429],
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
];
