import "server-only";
import { db, type Transaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { bumpConfigVersion } from "@/lib/events/config-version";
import { tenantEvent } from "@/lib/events/scope";
import { logUnexpected } from "@/lib/log";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { fingerprintDigest, shortKid } from "../identity";
import { describeKey, kidConflict } from "../kid-conflicts";
import { checkJwksUrl, fetchJwksDocument, JwksUrlError, JWKS_MAX_AGE, type FetchOptions } from "./fetch";
import { readKeySet, urlKeyName, type AcceptedUrlKey, type RefusedUrlKey } from "./key-set";

/** Unknown kids refresh the set at most this often per event (a flood of made-up kids costs one fetch per 30 s). */
export const UNKNOWN_KID_REFRESH_SECONDS = 30;
/** After a failed fetch the last good set keeps verifying this long, then its keys stop verifying. */
export const STALE_SET_LIMIT_SECONDS = 24 * 3600;
/** While one instance fetches, the others leave the event alone for this long. */
const FETCH_LEASE_SECONDS = 30;

const SOURCE = "jwks_url";

/** The actor of changes the fetch makes by itself (a host rotating at its end). */
function systemContext(organizationId: string): TenantContext {
  return { organizationId, organizationSlug: "", organizationName: "", actor: { type: "system", id: null, label: "JWKS URL refresh", role: "owner" } };
}

const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

interface EventRef {
  id: string;
  slug: string;
  organizationId: string;
}

export interface AppliedKeySet {
  added: string[];
  withdrawn: string[];
  /** Keys of the document the event cannot take (already pasted here, a kid another key has). */
  refused: RefusedUrlKey[];
  changed: boolean;
}

/**
 * Makes the event's URL keys match the fetched set, in the caller's transaction: new keys verify at once
 * (active), keys gone from the document stop verifying (revoked, with an audit entry), a key that comes
 * back verifies again. Keys the dashboard owns are never touched. Bumps configVersion when anything changed.
 */
async function applyKeySet(tx: Transaction, ctx: TenantContext, event: EventRef, keys: readonly AcceptedUrlKey[], now: Date): Promise<AppliedKeySet> {
  const rows = await tx.signingKey.findMany({
    where: { eventId: event.id },
    select: { id: true, kid: true, hostKid: true, status: true, label: true, source: true, createdAt: true, fingerprint: true, bits: true },
  });
  const owned = rows.filter((r) => r.source !== SOURCE);
  const urlRows = rows.filter((r) => r.source === SOURCE);
  const result: AppliedKeySet = { added: [], withdrawn: [], refused: [], changed: false };
  const keep = new Set<string>();
  const taken: typeof rows = [...owned];

  for (const key of keys) {
    const existing = urlRows.find((r) => r.kid === key.kid);
    const conflict = kidConflict(key, taken);
    if (conflict) {
      const clash = taken.find((r) => r.kid === key.kid);
      result.refused.push({
        kid: key.hostKid ?? shortKid(key.kid),
        reason: conflict.reason,
        message: clash
          ? `This key is already on the event as ${describeKey(clash)}; it verifies from there.`
          : conflict.message.replace(" Nothing was added.", " It is skipped."),
      });
      continue;
    }
    const data = { hostKid: key.hostKid, status: "active", activatedAt: now, revokedAt: null };
    let id: string;
    if (existing) {
      id = existing.id;
      keep.add(existing.id);
      if (existing.status === "active" && existing.hostKid === key.hostKid) {
        taken.push(existing);
        continue;
      }
      await tx.signingKey.update({ where: { id: existing.id }, data });
    } else {
      const row = await tx.signingKey.create({
        data: {
          eventId: event.id,
          kid: key.kid,
          fingerprint: fingerprintDigest(key.fingerprint),
          bits: key.bits,
          source: SOURCE,
          publicKeyPem: key.spkiPem,
          createdAt: now,
          ...data,
        },
      });
      id = row.id;
      keep.add(id);
    }
    taken.push({ id, kid: key.kid, hostKid: key.hostKid, status: "active", label: null, source: SOURCE, createdAt: now, fingerprint: "", bits: key.bits });
    result.added.push(urlKeyName(key));
    await recordAudit(tx, ctx, {
      action: "key.url_key_added",
      targetType: "signing_key",
      targetId: id,
      targetLabel: `Key ${urlKeyName(key)} (JWKS URL)`,
      eventSlug: event.slug,
      details: { kid: key.kid, hostKid: key.hostKid, bits: key.bits, source: SOURCE, ...(existing ? { republished: true } : {}) },
    });
  }

  for (const row of urlRows) {
    if (keep.has(row.id) || row.status !== "active") continue;
    await withdrawUrlKey(tx, ctx, event, row, now, "no longer in the JWKS");
    result.withdrawn.push(urlKeyName(row));
  }
  result.changed = result.added.length > 0 || result.withdrawn.length > 0;
  if (result.changed) await bumpConfigVersion(tx, event.id);
  return result;
}

/** One URL key stops verifying (revoked), with its audit entry. */
async function withdrawUrlKey(tx: Transaction, ctx: TenantContext, event: EventRef, row: { id: string; kid: string; hostKid: string | null }, now: Date, reason: string) {
  await tx.signingKey.update({ where: { id: row.id }, data: { status: "revoked", revokedAt: now } });
  await recordAudit(tx, ctx, {
    action: "key.url_key_withdrawn",
    targetType: "signing_key",
    targetId: row.id,
    targetLabel: `Key ${urlKeyName(row)} (JWKS URL)`,
    eventSlug: event.slug,
    details: { kid: row.kid, hostKid: row.hostKid, source: SOURCE, reason },
  });
}

/** Every URL key stops verifying (the URL was dropped, or its set went stale), each with an audit entry. */
async function withdrawAllUrlKeys(tx: Transaction, ctx: TenantContext, event: EventRef, now: Date, reason: string): Promise<number> {
  const rows = await tx.signingKey.findMany({ where: { eventId: event.id, source: SOURCE, status: "active" }, select: { id: true, kid: true, hostKid: true } });
  for (const row of rows) await withdrawUrlKey(tx, ctx, event, row, now, reason);
  if (rows.length > 0) await bumpConfigVersion(tx, event.id);
  return rows.length;
}

export interface TrialFetch {
  url: string;
  fetchedAt: Date;
  accepted: string[];
  refused: RefusedUrlKey[];
  nextFetchAt: Date;
}

/**
 * Sets (or with null, stops) the JWKS URL the event follows. A new URL is checked and fetched once first;
 * if that fails, or yields no usable key, nothing is changed and the error says why.
 */
export async function setJwksUrl(
  ctx: TenantContext,
  eventSlug: string,
  rawUrl: string | null,
  now = new Date(),
  fetchOptions: FetchOptions = {},
): Promise<TrialFetch | null> {
  requireWrite(ctx);
  const event = await tenantEvent(ctx, eventSlug);

  if (rawUrl === null) {
    await db.$transaction(async (tx) => {
      await bumpConfigVersion(tx, event.id);
      const source = await tx.jwksSource.findUnique({ where: { eventId: event.id } });
      if (!source) return;
      await withdrawAllUrlKeys(tx, ctx, event, now, "the event stopped following the JWKS URL");
      await tx.jwksSource.delete({ where: { eventId: event.id } });
      await recordAudit(tx, ctx, { action: "key.jwks_url_removed", targetType: "event", targetId: event.id, targetLabel: source.url, eventSlug: event.slug, details: { url: source.url } });
    });
    return null;
  }

  const url = rawUrl.trim();
  try {
    checkJwksUrl(url, fetchOptions.allowInsecure);
  } catch (error) {
    if (error instanceof JwksUrlError) throw new AppError("VALIDATION", `${error.message} Nothing was changed.`, { field: "jwksUrl" });
    throw error;
  }
  const fetched = await fetchJwksDocument(url, fetchOptions);
  if (!fetched.ok) throw new AppError("VALIDATION", `The trial fetch of ${url} failed: ${fetched.error} Nothing was changed.`, { field: "jwksUrl" });
  const set = await readKeySet(fetched.body);
  if (!set.ok) throw new AppError("VALIDATION", `The trial fetch of ${url} failed: ${set.error} Nothing was changed.`, { field: "jwksUrl" });
  if (set.keys.length === 0) {
    const why = set.refused.map((r) => `${r.kid}: ${r.message}`).join(" ");
    throw new AppError("VALIDATION", `The JWKS at ${url} holds no key the entry could use.${why ? ` ${why}` : ""} Nothing was changed.`, { field: "jwksUrl" });
  }

  return db.$transaction(async (tx) => {
    // First: serializes key changes of the event, so the kid checks see every committed key.
    await bumpConfigVersion(tx, event.id);
    const applied = await applyKeySet(tx, ctx, event, set.keys, now);
    const refused = [...set.refused, ...applied.refused];
    const nextFetchAt = later(now, fetched.maxAgeSeconds);
    const state = { url, lastAttemptAt: now, lastSuccessAt: now, lastError: null, refusedKeys: JSON.stringify(refused), nextFetchAt, unknownKidFetchAt: null };
    await tx.jwksSource.upsert({ where: { eventId: event.id }, create: { eventId: event.id, ...state }, update: state });
    await recordAudit(tx, ctx, {
      action: "key.jwks_url_set",
      targetType: "event",
      targetId: event.id,
      targetLabel: url,
      eventSlug: event.slug,
      details: { url, keys: applied.added.length, refused: refused.length },
    });
    return { url, fetchedAt: now, accepted: set.keys.map(urlKeyName).filter((n) => !applied.refused.some((r) => r.kid === n)), refused, nextFetchAt };
  });
}

export type RefreshTrigger = "schedule" | "unknown_kid";

export type RefreshOutcome =
  | { fetched: false }
  | { fetched: true; ok: true; changed: boolean; configVersion: number }
  | { fetched: true; ok: false; error: string; expired: boolean; configVersion: number };

/**
 * Refreshes one event's followed JWKS, if it is this instance's turn: a scheduled refresh claims the due
 * fetch (so one instance fetches for all), an unknown kid claims the event's 30-second slot. The result
 * lands in the database, where every instance reads it (configVersion tells their key caches).
 */
export async function refreshJwks(eventId: string, trigger: RefreshTrigger, now = new Date(), fetchOptions: FetchOptions = {}): Promise<RefreshOutcome> {
  const claim =
    trigger === "schedule"
      ? await db.jwksSource.updateMany({ where: { eventId, nextFetchAt: { lte: now } }, data: { nextFetchAt: later(now, FETCH_LEASE_SECONDS) } })
      : await db.jwksSource.updateMany({
          where: { eventId, OR: [{ unknownKidFetchAt: null }, { unknownKidFetchAt: { lte: later(now, -UNKNOWN_KID_REFRESH_SECONDS) } }] },
          data: { unknownKidFetchAt: now },
        });
  if (claim.count === 0) return { fetched: false };
  const source = await db.jwksSource.findUnique({ where: { eventId }, include: { event: { select: { id: true, slug: true, organizationId: true } } } });
  if (!source) return { fetched: false };

  const fetched = await fetchJwksDocument(source.url, fetchOptions);
  const set = fetched.ok ? await readKeySet(fetched.body) : null;
  const error = !fetched.ok ? fetched.error : set && !set.ok ? set.error : null;
  const ctx = systemContext(source.event.organizationId);

  return db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: eventId }, data: { configVersion: { increment: 0 } } }); // row lock: one writer per event
    const current = await tx.jwksSource.findUnique({ where: { eventId } });
    const version = async () => (await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { configVersion: true } })).configVersion;
    // The admin changed or dropped the URL while this fetch ran: its result is about another URL.
    if (!current || current.url !== source.url) return { fetched: true, ok: true, changed: false, configVersion: await version() } as const;

    if (error !== null || !fetched.ok || !set?.ok) {
      const lastGood = current.lastSuccessAt?.getTime() ?? 0;
      const stale = now.getTime() - lastGood > STALE_SET_LIMIT_SECONDS * 1000;
      const expired = stale ? (await withdrawAllUrlKeys(tx, ctx, source.event, now, "the JWKS URL has failed for more than 24 hours")) > 0 : false;
      await tx.jwksSource.update({
        where: { eventId },
        data: { lastAttemptAt: now, lastError: error ?? "The fetch failed.", nextFetchAt: later(now, JWKS_MAX_AGE.minSeconds) },
      });
      return { fetched: true, ok: false, error: error ?? "The fetch failed.", expired, configVersion: await version() } as const;
    }
    const applied = await applyKeySet(tx, ctx, source.event, set.keys, now);
    await tx.jwksSource.update({
      where: { eventId },
      data: {
        lastAttemptAt: now,
        lastSuccessAt: now,
        lastError: null,
        refusedKeys: JSON.stringify([...set.refused, ...applied.refused]),
        nextFetchAt: later(now, fetched.maxAgeSeconds),
      },
    });
    return { fetched: true, ok: true, changed: applied.changed, configVersion: await version() } as const;
  });
}

/** For request paths: start a due refresh without waiting for it (the next request sees its result). */
export function refreshJwksInBackground(eventId: string, now = new Date()): void {
  refreshJwks(eventId, "schedule", now).catch((error: unknown) => logUnexpected(`refreshing the JWKS URL of event ${eventId}`, error));
}

export interface JwksSourceView {
  url: string;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  refused: RefusedUrlKey[];
  nextFetchAt: Date;
  /** Until when the last good set verifies through failed fetches (null: there was none). */
  lastGoodVerifiesUntil: Date | null;
  /** The last good set is older than the failure limit: its keys no longer verify. */
  expired: boolean;
}

export async function jwksSourceOf(eventId: string, now: Date): Promise<JwksSourceView | null> {
  const source = await db.jwksSource.findUnique({ where: { eventId } });
  if (!source) return null;
  let refused: RefusedUrlKey[] = [];
  try {
    refused = source.refusedKeys ? (JSON.parse(source.refusedKeys) as RefusedUrlKey[]) : [];
  } catch {
    refused = [];
  }
  const lastGoodVerifiesUntil = source.lastSuccessAt ? new Date(source.lastSuccessAt.getTime() + STALE_SET_LIMIT_SECONDS * 1000) : null;
  return {
    url: source.url,
    lastAttemptAt: source.lastAttemptAt,
    lastSuccessAt: source.lastSuccessAt,
    lastError: source.lastError,
    refused,
    nextFetchAt: source.nextFetchAt,
    lastGoodVerifiesUntil,
    expired: !lastGoodVerifiesUntil || now > lastGoodVerifiesUntil,
  };
}
