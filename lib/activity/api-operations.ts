import type { ApiOperation } from "@/lib/api/operations";
import { attemptListResponseSchema, diagnosisResponseSchema, endSessionsResponseSchema, summaryResponseSchema } from "./present";
import { attemptListQuerySchema, endSessionsBodySchema, summaryQuerySchema } from "./schema";

/** The activity operations of the HTTP API (spread into API_OPERATIONS, so the OpenAPI document lists them). */
export const ACTIVITY_OPERATIONS: ApiOperation[] = [
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
    errors: [400, 401, 404, 429],
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
    errors: [400, 401, 404, 429],
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
    errors: [401, 404, 429],
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
];
