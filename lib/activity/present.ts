import { z } from "zod";
import { paginationSchema } from "@/lib/api/schemas";
import { toCsv } from "@/lib/tables/csv";
import { explainFailure, isReasonCode, REASON_CODES, type ReasonFailure } from "@/lib/tokens/reasons";
import { ADMIN_ADVICE } from "./advice";
import { ATTEMPT_OUTCOMES, ATTEMPT_SOURCES, ATTEMPT_STEPS } from "./attempt";
import { FINDING_CODES, type Finding } from "./diagnosis";
import type { AttemptView } from "./attempt";
import type { ActivitySummary } from "./queries";

/** The detail's times as the recorder stored them (ISO strings in JSON), back as dates for explainFailure. */
const DATE_FIELDS = new Set(["expiresAt", "at", "issuedAt", "cutoff", "usedAt", "revokedAt", "endedAt"]);
function withDates(detail: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail).map(([name, value]) => [name, DATE_FIELDS.has(name) && typeof value === "string" ? new Date(value) : value]));
}

/** The refusal as the attendee's page explained it (same words), plus what the admin should do. */
export function explainAttempt(attempt: Pick<AttemptView, "reason" | "detail">, now: Date): { title: string; explanation: string; advice: string } | null {
  if (!attempt.reason || !isReasonCode(attempt.reason)) return null;
  const failure = { reason: attempt.reason, detail: withDates(attempt.detail ?? {}) } as ReasonFailure;
  const explained = explainFailure(failure, now);
  return {
    title: explained?.title ?? attempt.reason,
    explanation: explained?.explanation ?? "",
    advice: ADMIN_ADVICE[attempt.reason],
  };
}

export const apiAttemptSchema = z.object({
  id: z.string(),
  at: z.string(),
  step: z.enum(ATTEMPT_STEPS).describe("open (GET with a token), confirm (the one-off link's POST), continue (the confirmation page)"),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  reason: z.enum(REASON_CODES).nullable(),
  explanation: z.string().nullable().describe("The attendee's page's words for the refusal"),
  advice: z.string().nullable().describe("What the admin should do about it"),
  source: z.enum(ATTEMPT_SOURCES).nullable().describe("null when the token did not verify"),
  kid: z.string().nullable().describe("The key that verified the token, or that its header named"),
  linkId: z.string().nullable(),
  jti: z.string().nullable().describe("Only when the signature verified"),
  network: z.string().nullable().describe("IPv4 /24 or IPv6 /48"),
  browser: z.string().nullable(),
  displayName: z.string().nullable().describe("Only when the signature verified"),
  email: z.string().nullable().describe("Only when the signature verified"),
  sessionId: z.string().nullable().describe("The session a sign-in opened (POST …/sessions/end with it)"),
});
export type ApiAttempt = z.infer<typeof apiAttemptSchema>;

export const attemptListResponseSchema = z.object({ data: z.array(apiAttemptSchema), pagination: paginationSchema });

export function presentAttempt(attempt: AttemptView, now: Date): ApiAttempt {
  const explained = explainAttempt(attempt, now);
  return {
    id: attempt.id,
    at: attempt.at.toISOString(),
    step: attempt.step,
    outcome: attempt.outcome,
    reason: attempt.reason,
    explanation: explained?.explanation ?? null,
    advice: explained?.advice ?? null,
    source: attempt.source,
    kid: attempt.kid,
    linkId: attempt.linkId,
    jti: attempt.jti,
    network: attempt.network,
    browser: attempt.browser,
    displayName: attempt.displayName,
    email: attempt.email,
    sessionId: attempt.sessionId,
  };
}

const CSV_COLUMNS = ["at", "outcome", "reason", "explanation", "advice", "step", "source", "kid", "linkId", "jti", "network", "browser", "displayName", "email", "sessionId"] as const;

/** The attempts as CSV (lib/tables/csv.ts guards cells a spreadsheet would run as formulas: names come from tokens). */
export function attemptsCsv(attempts: AttemptView[], now: Date): string {
  return toCsv(CSV_COLUMNS, attempts.map((a) => presentAttempt(a, now)));
}

const counts = z.record(z.string(), z.number().int());
export const summaryResponseSchema = z.object({
  data: z.object({
    from: z.string(),
    to: z.string(),
    bucket: z.enum(["minute", "hour"]),
    totals: z.object({
      signedIn: z.number().int(),
      refused: z.number().int(),
      attendees: z.number().int().describe("Distinct attendees who signed in"),
      confirmShown: z.number().int().describe("One-off links opened (confirmation shown)"),
      refusalRate: z.number().describe("refused / (signedIn + refused), 0–1"),
      inEventNow: z.number().int().describe("Open attendee sessions now"),
    }),
    byReason: counts.describe("Refusals per reason code"),
    byKey: z.array(z.object({ kid: z.string().nullable(), status: z.string().nullable(), label: z.string().nullable(), signedIn: z.number().int(), share: z.number() })).describe("Sign-ins per key, largest first: the rotation progress"),
    buckets: z.array(z.object({ start: z.string(), signedIn: z.number().int(), refused: z.number().int(), byReason: counts, byKid: counts })),
  }),
});

export function presentSummary(summary: ActivitySummary) {
  const kidOf = new Map(summary.byKey.map((k) => [k.keyId ?? "", k.kid ?? "unknown"]));
  return {
    from: summary.from.toISOString(),
    to: summary.to.toISOString(),
    bucket: summary.bucket,
    totals: summary.totals,
    byReason: summary.byReason,
    byKey: summary.byKey.map(({ kid, status, label, signedIn, share }) => ({ kid, status, label, signedIn, share })),
    buckets: summary.buckets.map((b) => ({
      start: b.start,
      signedIn: b.signedIn,
      refused: b.refused,
      byReason: b.byReason,
      byKid: Object.fromEntries(Object.entries(b.byKey).map(([keyId, n]) => [kidOf.get(keyId) ?? "unknown", n])),
    })),
  };
}

export const diagnosisResponseSchema = z.object({
  data: z.array(z.object({ code: z.enum(FINDING_CODES), severity: z.enum(["problem", "warning"]), message: z.string(), advice: z.string(), count: z.number().int() })),
});

export function presentFindings(findings: Finding[]) {
  return findings.map(({ code, severity, message, advice, count }) => ({ code, severity, message, advice, count }));
}

export const endSessionsResponseSchema = z.object({ data: z.object({ ended: z.number().int().describe("How many open sessions were ended") }) });
