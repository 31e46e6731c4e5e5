import { z } from "zod";
import { pageQueryShape } from "@/lib/tables/list-params";
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
    .optional()
    .describe("An action (key.revoked) or an area with a dot (key.) for all of its actions"),
  actor: z.string().trim().min(1).max(200, "actor is at most 200 characters.").optional().describe("Exactly this actor: a person's email, an API key's name, or system"),
  event: z.string().trim().min(1).max(100, "event is an event slug, at most 100 characters.").optional().describe("Entries about this event (its slug)"),
  q: z.string().trim().max(100, "q is at most 100 characters.").optional().describe("Part of the target's name"),
  from: isoInstant("from").optional().describe("Entries at or after this instant (ISO 8601)"),
  to: isoInstant("to").optional().describe("Entries before this instant (ISO 8601)"),
};

/** GET /api/v1/audit: text to numbers and dates, unknown values refused with the field named (also the OpenAPI document's query). */
export const auditListQuerySchema = z
  .object({
    ...auditFilterShape,
    ...pageQueryShape,
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must be before to." });
  });
