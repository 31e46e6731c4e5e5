/** The pending one-off link between its GET and the confirming POST (path-scoped, httpOnly). */
export const PENDING_COOKIE = "pending_link";
/** Request header through which the entry hands its preview decision to the confirmation page. */
export const PREVIEW_HEADER = "x-entry-preview";
/** Headers only the entry sets: removed from every browser request before a page sees it. */
export const INTERNAL_HEADERS = [PREVIEW_HEADER] as const;
/** The lobby's query flag for "this link already signed you in here". */
export const ALREADY_IN_PARAM = "already-in";

/** What the confirmation page shows: the entry's preview decision, not a second verification. */
export interface PendingPreview {
  displayName: string;
  expiresAt: Date | null;
  eventName: string;
  contact: string;
}

export function encodePreview(preview: PendingPreview): string {
  return encodeURIComponent(JSON.stringify(preview));
}

/** The preview for the page; null when the page was not reached through the entry. */
export function decodePreview(value: string | null): PendingPreview | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as Partial<Record<keyof PendingPreview, unknown>>;
    if (typeof parsed.displayName !== "string" || typeof parsed.eventName !== "string" || typeof parsed.contact !== "string") return null;
    const expiresAt = typeof parsed.expiresAt === "string" ? new Date(parsed.expiresAt) : null;
    return { displayName: parsed.displayName, eventName: parsed.eventName, contact: parsed.contact, expiresAt: expiresAt && Number.isFinite(expiresAt.getTime()) ? expiresAt : null };
  } catch {
    return null;
  }
}
