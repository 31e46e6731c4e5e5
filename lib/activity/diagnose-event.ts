import "server-only";
import { db } from "@/lib/db";
import { readAttemptColumns } from "./attempt";
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
  return diagnose(rows.map(readAttemptColumns), keys, now);
}
