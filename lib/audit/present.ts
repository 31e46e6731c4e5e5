import { z } from "zod";
import { paginationSchema } from "@/lib/api/schemas";
import { formatDuration, formatUtc } from "@/lib/format";
import { toCsv } from "@/lib/tables/csv";
import { describeAuditAction } from "./actions";

/**
 * An audit entry's details as people read them: labelled values ("Key ID (kid): QZYJ…") and changes
 * as before → after ("Clock-skew leeway: 1 minute → 30 seconds"), for the table, the CSV and the API.
 */

export interface AuditValue {
  field: string;
  label: string;
  value: string;
}

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface AuditDetailView {
  changes: AuditChange[];
  values: AuditValue[];
}

const LABELS: Record<string, string> = {
  // events and organization settings
  name: "Name",
  slug: "Slug",
  contact: "Contact",
  startsAt: "Starts",
  endsAt: "Ends",
  leewaySeconds: "Clock-skew leeway",
  oneOffLifetimeSeconds: "One-off link lifetime",
  longLivedMaxSeconds: "Long-lived maximum",
  requireExp: "Tokens need exp",
  rejectTokensIssuedBefore: "Rejects tokens issued before",
  transcriptionEnabled: "Transcription",
  interpretationEnabled: "Interpretation",
  requireTwoFactor: "Members must use two-factor",
  activityRetentionDays: "Activity kept (days)",
  jwksUrl: "JWKS URL",
  // keys
  kid: "Key ID (kid)",
  hostKid: "Host's kid",
  fingerprint: "Fingerprint",
  bits: "Bits",
  source: "Source",
  format: "Format",
  keptEncryptedCopy: "Kept an encrypted copy",
  privateKeyFormat: "Private key format",
  url: "URL",
  keys: "Keys found",
  refused: "Keys refused",
  republished: "Published again",
  reason: "Reason",
  // links
  kind: "Kind",
  roles: "Roles",
  jti: "Token ID (jti)",
  signedIn: "Signed by",
  expiresAt: "Expires",
  redemptions: "Uses",
  revoked: "Links revoked",
  // profile fields
  key: "Key",
  label: "Label",
  position: "Position",
  added: "Added",
  updated: "Changed",
  removed: "Removed",
  // members and accounts
  role: "Role",
  self: "Removed themselves",
  method: "Method",
  browser: "Browser",
  network: "Network",
  newDevice: "New device",
  failures: "Failed attempts",
  withinMinutes: "Within (minutes)",
  sessions: "Sessions",
  ended: "Sessions ended",
  target: "Which",
  linkId: "Test link",
  sessionId: "Session",
  all: "All sessions",
};

/** What a bare {from, to} changes, by the action's area: a member's role, a key's status, the fields' order. */
const FROM_TO_LABELS: Record<string, string> = { member: "Role", key: "Status", profile_field: "Order" };

/** Stored enum values as the dashboard says them elsewhere. */
const VALUE_WORDS: Record<string, string> = { one_off: "one-off", long_lived: "long-lived", jwks_url: "JWKS URL", api_key: "API key" };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "leewaySeconds" → "Leeway seconds" for a key no one has labelled yet. */
function humanize(field: string): string {
  const words = field.replace(/[_.]/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labelFor(field: string): string {
  return LABELS[field] ?? humanize(field);
}

/** One value as text: times in UTC, durations in words, yes/no, lists joined. */
function formatAuditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return field.endsWith("Seconds") ? formatDuration(value) : value.toLocaleString("en-US");
  if (typeof value === "string") return ISO_INSTANT.test(value) ? formatUtc(value) : (VALUE_WORDS[value] ?? value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    return value.map((item) => (item && typeof item === "object" && "key" in item ? String((item as { key: unknown }).key) : formatAuditValue(field, item))).join(", ");
  }
  return JSON.stringify(value);
}

/** Parses the stored JSON; an unreadable or non-object value yields nothing rather than a crash. */
export function parseAuditDetails(details: string | null): Record<string, unknown> | null {
  if (!details) return null;
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function presentAuditDetails(action: string, details: Record<string, unknown> | null): AuditDetailView {
  const view: AuditDetailView = { changes: [], values: [] };
  if (!details) return view;
  const rest = { ...details };
  const changes = rest.changes;
  if (changes && typeof changes === "object" && !Array.isArray(changes)) {
    delete rest.changes;
    for (const [field, pair] of Object.entries(changes as Record<string, unknown>)) {
      const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
      view.changes.push({ field, label: labelFor(field), before: formatAuditValue(field, before), after: formatAuditValue(field, after) });
    }
  }
  // A bare {from, to} is one change; a lone "to" (the address a link was mailed to) is a value.
  if ("from" in rest && "to" in rest) {
    const area = action.split(".")[0] ?? "";
    view.changes.push({ field: "from_to", label: FROM_TO_LABELS[area] ?? "Change", before: formatAuditValue("from", rest.from), after: formatAuditValue("to", rest.to) });
    delete rest.from;
    delete rest.to;
  }
  for (const [field, value] of Object.entries(rest)) {
    view.values.push({ field, label: field === "to" ? "Sent to" : labelFor(field), value: formatAuditValue(field, value) });
  }
  return view;
}

/** An audit row as the services read it (lib/audit/query.ts). */
export interface AuditRecord {
  id: string;
  createdAt: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetLabel: string;
  eventSlug: string | null;
  details: string | null;
}

export const apiAuditEntrySchema = z.object({
  id: z.string(),
  at: z.string().describe("When (ISO 8601, UTC)"),
  actor: z.object({ type: z.string().describe("user, api_key or system"), label: z.string().describe("The person's email, the API key's name, or system") }),
  action: z.string().describe("e.g. key.revoked; the area is the part before the dot"),
  description: z.string().describe("The action in words"),
  target: z.object({ type: z.string(), label: z.string() }),
  eventSlug: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })).describe("What changed, before → after, as text"),
  values: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })).describe("The entry's other facts, labelled, as text"),
  details: z.record(z.string(), z.unknown()).nullable().describe("The same facts as recorded (JSON); never secrets or tokens"),
});

export type ApiAuditEntry = z.infer<typeof apiAuditEntrySchema>;

export const auditListResponseSchema = z.object({
  data: z.array(apiAuditEntrySchema),
  pagination: paginationSchema,
});

export function presentAuditEntry(row: AuditRecord): ApiAuditEntry {
  const details = parseAuditDetails(row.details);
  const { changes, values } = presentAuditDetails(row.action, details);
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: { type: row.actorType, label: row.actorLabel },
    action: row.action,
    description: describeAuditAction(row.action),
    target: { type: row.targetType, label: row.targetLabel },
    eventSlug: row.eventSlug,
    changes,
    values,
    details,
  };
}

export const AUDIT_CSV_COLUMNS = ["at", "actor", "actorType", "action", "description", "target", "targetType", "event", "changes", "details"] as const;

/** The log as CSV: one row per entry, changes and details as readable text ("Role: viewer → admin"). */
export function auditCsv(rows: readonly AuditRecord[]): string {
  return toCsv(
    AUDIT_CSV_COLUMNS,
    rows.map((row) => {
      const entry = presentAuditEntry(row);
      return {
        at: entry.at,
        actor: entry.actor.label,
        actorType: entry.actor.type,
        action: entry.action,
        description: entry.description,
        target: entry.target.label,
        targetType: entry.target.type,
        event: entry.eventSlug,
        changes: entry.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`).join("; "),
        details: entry.values.map((v) => `${v.label}: ${v.value}`).join("; "),
      };
    }),
  );
}
