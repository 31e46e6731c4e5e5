import "server-only";
import { db } from "@/lib/db";
import { isReasonCode } from "@/lib/tokens/reasons";
import type { AttemptOutcome, AttemptSource } from "./attempt";
import { DIAGNOSIS_THRESHOLDS, diagnose, type Finding } from "./diagnosis";
import { eventKeys } from "./queries";

/** The diagnosis of an event's last 15 minutes of attempts. */
export async function diagnoseEvent(eventId: string, now: Date): Promise<Finding[]> {
  const since = new Date(now.getTime() - DIAGNOSIS_THRESHOLDS.windowMinutes * 60_000);
  const [rows, keys] = await Promise.all([
    db.entryAttempt.findMany({
      where: { eventId, at: { gte: since, lte: now } },
      select: { at: true, outcome: true, reason: true, detail: true, source: true, keyId: true, kid: true, network: true },
      orderBy: { at: "desc" },
      take: DIAGNOSIS_THRESHOLDS.maxAttempts,
    }),
    eventKeys(eventId),
  ]);
  const attempts = rows.map((r) => {
    let detail: Record<string, unknown> | null = null;
    try {
      detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null;
    } catch {
      detail = null;
    }
    return { ...r, outcome: r.outcome as AttemptOutcome, reason: isReasonCode(r.reason) ? r.reason : null, source: r.source as AttemptSource | null, detail };
  });
  return diagnose(attempts, keys, now);
}
