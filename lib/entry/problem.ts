import { isReasonCode, type ReasonFailure } from "@/lib/tokens/reasons";

/** Request header through which the entry hands the refusal to the problem page (never sent to the browser). */
export const PROBLEM_HEADER = "x-entry-problem";
/** The pending one-off link between its GET and the confirming POST (path-scoped, httpOnly). */
export const PENDING_COOKIE = "pending_link";

const DATE_FIELDS = ["expiresAt", "at", "issuedAt", "cutoff", "usedAt", "revokedAt", "endedAt"];

export function encodeProblem(failure: ReasonFailure): string {
  return encodeURIComponent(JSON.stringify(failure));
}

/** The refusal for the problem page; anything unreadable means the page was opened directly. */
export function decodeProblem(value: string | null): ReasonFailure | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as { reason?: unknown; detail?: Record<string, unknown> };
    if (!isReasonCode(parsed.reason) || typeof parsed.detail !== "object" || parsed.detail === null) return null;
    const detail: Record<string, unknown> = { ...parsed.detail };
    for (const key of DATE_FIELDS) {
      if (typeof detail[key] === "string") detail[key] = new Date(detail[key] as string);
    }
    return { reason: parsed.reason, detail } as ReasonFailure;
  } catch {
    return null;
  }
}
