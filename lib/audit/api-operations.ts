import type { ApiOperation } from "@/lib/api/operations";
import { AUDIT_CSV_COLUMNS, auditListResponseSchema } from "./present";
import { auditListQuerySchema } from "./schema";

/** The audit log operations of the HTTP API (spread into API_OPERATIONS, so the OpenAPI document lists them). */
export const AUDIT_OPERATIONS: ApiOperation[] = [
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
      csv: { description: "Every matching entry, newest first; changes and details as readable text (\"Role: viewer → admin\").", columns: AUDIT_CSV_COLUMNS },
    },
    errors: [400, 401, 429],
  },
];
