import "server-only";
import { db } from "@/lib/db";
import { getEvent } from "@/lib/events/service";
import { loadEntryEvent } from "@/lib/entry/event-config";
import { verificationKeysFor } from "@/lib/keys/verification-keys";
import { notFound } from "@/lib/errors";
import { linkUseState } from "@/lib/links/status";
import { presentAttendee, type ProfileWarning, type PresentedAttendee } from "@/lib/profile/present";
import { profileFieldsForEvent } from "@/lib/profile/service";
import { inspectAttendeeToken, type TokenInspection } from "@/lib/tokens/inspect-token";
import type { TenantContext } from "@/lib/tenancy/context";

/** What a one-time use of the token would meet at the entry, read without using anything up. */
export type ReplayState =
  | { kind: "none" }
  | { kind: "test_link"; linkKind: string; status: "active" | "used" | "revoked"; usedAt: Date | null; revokedAt: Date | null; issuedByLabel: string }
  | { kind: "host_jti"; usedAt: Date | null };

export interface EventTokenInspection {
  inspection: TokenInspection;
  replay: ReplayState;
  /** The attendee as the event's profile fields would show them (only when the signature verified and the claims are readable). */
  attendee: PresentedAttendee | null;
  warnings: ProfileWarning[];
}

/**
 * The token debugger (dashboard and API): every check the entry would make against this event's
 * keys and policy, the decoded parts, the replay state and the stream-tile preview. Consumes
 * nothing: no redemption, no session, no key-usage count.
 */
export async function inspectEventToken(ctx: TenantContext, eventSlug: string, token: string, now = new Date()): Promise<EventTokenInspection> {
  await getEvent(ctx, eventSlug); // tenant check first: another organization's event is "not found"
  const event = await loadEntryEvent(eventSlug);
  if (!event) throw notFound("Event");
  const keys = await verificationKeysFor(event);
  const inspection = await inspectAttendeeToken(token, { keys, policy: event.policy, features: event.features, now });

  let replay: ReplayState = { kind: "none" };
  const jti = inspection.result.ok ? inspection.result.jti : undefined;
  if (jti) {
    const link = await db.issuedLink.findFirst({ where: { eventId: event.id, jti }, select: { kind: true, usedAt: true, revokedAt: true, issuedByLabel: true } });
    if (link) {
      const use = linkUseState(link); // the entry's own rule (lib/links/status.ts)
      const status = use === "unused" ? "active" : use;
      replay = { kind: "test_link", linkKind: link.kind, status, usedAt: link.usedAt, revokedAt: link.revokedAt, issuedByLabel: link.issuedByLabel };
    } else {
      const used = await db.tokenRedemption.findUnique({ where: { eventId_jti: { eventId: event.id, jti } }, select: { createdAt: true } });
      replay = { kind: "host_jti", usedAt: used?.createdAt ?? null };
    }
  }

  // Claims whose signature did not verify are anyone's words: never drawn as the attendee the host sent.
  const payload =
    inspection.signatureVerified && inspection.payload.kind === "json" && typeof inspection.payload.value === "object" && inspection.payload.value !== null
      ? (inspection.payload.value as Record<string, unknown>)
      : null;
  if (!payload || typeof payload.displayName !== "string") return { inspection, replay, attendee: null, warnings: [] };
  const fields = await profileFieldsForEvent(event.id);
  // Roles as the entry would grant them (feature-gated) when the token was accepted; as signed otherwise (e.g. expired).
  const roles = inspection.result.ok ? inspection.result.claims.roles : payload.roles;
  const presentation = presentAttendee({ displayName: payload.displayName, avatarUrl: payload.avatarUrl, userProfile: payload.userProfile, roles }, fields);
  return { inspection, replay, attendee: presentation.attendee, warnings: presentation.warnings };
}
