import { z } from "zod";
import { AUDIT_AREAS, isAuditActionFilter } from "./actions";

const isoInstant = (name: string) =>
  z
    .string()
    .max(40, `${name} must be a date and time such as 2027-04-01T15:00:00Z.`)
    .refine((v) => Number.isFinite(Date.parse(v)), `${name} must be a date and time such as 2027-04-01T15:00:00Z.`)
    .transform((v) => new Date(v));

/** The audit log's filters: the dashboard table's (action, actor, event, q) plus a time window. */
export const auditFilterShape = {
  action: z
    .string()
    .trim()
    .refine(isAuditActionFilter, `action is an action such as key.revoked, or an area followed by a dot: ${Object.keys(AUDIT_AREAS).map((a) => `${a}.`).join(", ")}.`)
    .optional(),
  actor: z.string().trim().min(1).max(200, "actor is at most 200 characters.").optional(),
  event: z.string().trim().min(1).max(100, "event is an event slug, at most 100 characters.").optional(),
  q: z.string().trim().max(100, "q is at most 100 characters.").optional(),
  from: isoInstant("from").optional(),
  to: isoInstant("to").optional(),
};

/** GET /api/v1/audit as parsed: text to numbers and dates, unknown values refused with the field named. */
export const auditListQueryParser = z
  .object({
    ...auditFilterShape,
    page: z.coerce.number({ error: "page must be a whole number, 1 or more." }).int("page must be a whole number, 1 or more.").min(1, "page must be 1 or more.").default(1),
    pageSize: z.coerce
      .number({ error: "pageSize must be a whole number from 1 to 100." })
      .int("pageSize must be a whole number from 1 to 100.")
      .min(1, "pageSize must be a whole number from 1 to 100.")
      .max(100, "pageSize must be at most 100.")
      .default(25),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must be before to." });
  });

export type AuditListQuery = z.output<typeof auditListQueryParser>;

/** The same query, for the OpenAPI document. */
export const auditListQuerySchema = z.object({
  action: z.string().optional().describe("An action (key.revoked) or an area with a dot (key.) for all of its actions"),
  actor: z.string().optional().describe("Exactly this actor: a person's email, an API key's name, or system"),
  event: z.string().optional().describe("Entries about this event (its slug)"),
  q: z.string().optional().describe("Part of the target's name"),
  from: z.string().optional().describe("Entries at or after this instant (ISO 8601)"),
  to: z.string().optional().describe("Entries before this instant (ISO 8601)"),
  page: z.number().int().min(1).optional().describe("1-based page number (default 1)"),
  pageSize: z.number().int().min(1).max(100).optional().describe("Items per page, 1–100 (default 25)"),
});
