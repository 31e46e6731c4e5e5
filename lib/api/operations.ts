import { z } from "zod";
import type { OrgRole } from "@/lib/auth/roles";
import { createEventSchema, EVENT_SORTS, patchEventSchema } from "@/lib/events/schema";
import { LINK_OPERATIONS } from "@/lib/links/api-operations";
import { deletedResponseSchema, eventListResponseSchema, eventResponseSchema } from "./schemas";

/**
 * The API's operations, in one list: the OpenAPI document is generated from it and a test checks
 * that every operation has a route handler and every handler an operation.
 */
export interface ApiOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** "public" operations need no API key. */
  access: OrgRole | "public";
  query?: z.ZodObject;
  body?: z.ZodType;
  success: { status: number; description: string; schema?: z.ZodType };
  errors: number[];
}

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
    body: createEventSchema,
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
    description: "Send only the fields to change. The result is validated as a whole (e.g. the end after the start).",
    access: "admin",
    body: patchEventSchema,
    success: { status: 200, description: "The updated event", schema: eventResponseSchema },
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
  ...LINK_OPERATIONS,
];
