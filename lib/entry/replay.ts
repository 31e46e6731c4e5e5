import "server-only";
import { db } from "@/lib/db";
import { placeholders } from "@/lib/db/raw-sql";
import { isUniqueViolation } from "@/lib/errors";

/** A dashboard-issued test link, as the entry needs it. */
export interface IssuedLinkState {
  id: string;
  kind: "one_off" | "long_lived";
  revokedAt: Date | null;
  usedAt: Date | null;
}

export async function findIssuedLink(eventId: string, jti: string): Promise<IssuedLinkState | null> {
  const link = await db.issuedLink.findFirst({ where: { eventId, jti }, select: { id: true, kind: true, revokedAt: true, usedAt: true } });
  if (!link) return null;
  return { ...link, kind: link.kind === "long_lived" ? "long_lived" : "one_off" };
}

export type RedeemOutcome = { ok: true } | { ok: false; reason: "already_used"; usedAt: Date | null } | { ok: false; reason: "link_revoked"; revokedAt: Date | null };

/**
 * Redeems a one-off link atomically: a conditional UPDATE that only an unused, unrevoked link
 * matches, so of any number of concurrent attempts (on any instance) exactly one succeeds.
 * A read-then-write would let several through (measured: 8 of 50 parallel attempts got through on PostgreSQL).
 */
export async function redeemOneOffLink(linkId: string, now: Date): Promise<RedeemOutcome> {
  const { count } = await db.issuedLink.updateMany({
    where: { id: linkId, kind: "one_off", usedAt: null, revokedAt: null },
    data: { usedAt: now, lastRedeemedAt: now, redemptions: { increment: 1 } },
  });
  if (count === 1) return { ok: true };
  const link = await db.issuedLink.findUnique({ where: { id: linkId }, select: { usedAt: true, revokedAt: true } });
  if (link?.revokedAt) return { ok: false, reason: "link_revoked", revokedAt: link.revokedAt };
  return { ok: false, reason: "already_used", usedAt: link?.usedAt ?? null };
}

/**
 * The confirmation's fast path, ONE statement: redeems the event's unused, unrevoked one-off link
 * with this jti and returns its id, or null when there is none such (then the caller finds out why
 * with findIssuedLink). The same conditional update as redeemOneOffLink, so still exactly one of
 * any number of concurrent confirmations wins.
 */
export async function redeemOneOffLinkByJti(eventId: string, jti: string, now: Date): Promise<{ id: string } | null> {
  // Plain SQL with RETURNING: Prisma's update-with-select runs an UPDATE and a SELECT in a
  // transaction, and this statement is on the request path of every confirmation.
  const placeholder = placeholders();
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `UPDATE "IssuedLink" SET "usedAt" = ${placeholder(1)}, "lastRedeemedAt" = ${placeholder(2)}, "redemptions" = "redemptions" + 1 ` +
      `WHERE "eventId" = ${placeholder(3)} AND "jti" = ${placeholder(4)} AND "kind" = 'one_off' AND "usedAt" IS NULL AND "revokedAt" IS NULL RETURNING "id"`,
    now,
    now,
    eventId,
    jti,
  );
  return rows[0] ?? null;
}

/** Counts a use of a long-lived link (they may be used repeatedly until they expire or are revoked). */
export async function recordLongLivedUse(linkId: string, now: Date): Promise<RedeemOutcome> {
  const { count } = await db.issuedLink.updateMany({
    where: { id: linkId, revokedAt: null },
    data: { lastRedeemedAt: now, redemptions: { increment: 1 } },
  });
  if (count === 1) return { ok: true };
  const link = await db.issuedLink.findUnique({ where: { id: linkId }, select: { revokedAt: true } });
  return { ok: false, reason: "link_revoked", revokedAt: link?.revokedAt ?? null };
}

/**
 * Host-minted tokens that carry a jti are accepted once per event until they expire: the insert of
 * (event, jti) under a unique constraint is the atomic claim. Rows are kept until the token could
 * no longer be accepted anyway (exp + leeway), then pruned (lib/hygiene/prune.ts).
 */
export async function claimHostJti(input: { eventId: string; jti: string; acceptableUntil: Date; now: Date }): Promise<RedeemOutcome> {
  try {
    await db.tokenRedemption.create({ data: { eventId: input.eventId, jti: input.jti, expiresAt: input.acceptableUntil, createdAt: input.now } });
    return { ok: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const previous = await db.tokenRedemption.findUnique({ where: { eventId_jti: { eventId: input.eventId, jti: input.jti } }, select: { createdAt: true } });
    return { ok: false, reason: "already_used", usedAt: previous?.createdAt ?? null };
  }
}
