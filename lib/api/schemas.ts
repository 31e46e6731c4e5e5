import { z } from "zod";

/** Response shapes of the HTTP API (requests use the operations' own schemas from lib/<area>/schema.ts). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT", "PRECONDITION_FAILED", "RATE_LIMITED", "INTERNAL"]),
    message: z.string(),
    field: z.string().optional().describe("The input field at fault, as a dotted path"),
    fields: z.record(z.string(), z.string()).optional().describe("Every field at fault, when there are several"),
  }),
});

export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const apiEventSchema = z.object({
  slug: z.string(),
  name: z.string(),
  entryUrl: z.string().describe("Where attendees arrive: append ?token=<JWT>"),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  contact: z.string(),
  features: z.object({
    transcription: z.boolean().describe("Enabled for this event (it also needs the organization's flag)"),
    interpretation: z.boolean(),
  }),
  policy: z.object({
    oneOffLifetimeSeconds: z.number().int(),
    longLivedMaxSeconds: z.number().int(),
    leewaySeconds: z.number().int(),
    requireExp: z.boolean(),
    rejectTokensIssuedBefore: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const eventListResponseSchema = z.object({ data: z.array(apiEventSchema), pagination: paginationSchema });
export const eventResponseSchema = z.object({ data: apiEventSchema });
export const deletedResponseSchema = z.object({ data: z.object({ deleted: z.literal(true), slug: z.string() }) });

export type ApiEvent = z.infer<typeof apiEventSchema>;
