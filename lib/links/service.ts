import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/env";
import { AppError, conflict, fieldError, isUniqueViolation, notFound } from "@/lib/errors";
import { formatDuration, formatUtc } from "@/lib/format";
import { shortKid } from "@/lib/keys/identity";
import { decryptPrivateKey, VaultError } from "@/lib/keys/private-key-vault";
import { listProfileFields, type ProfileFieldRow } from "@/lib/profile/service";
import { pageWindow, type ListParams, type Page } from "@/lib/tables/list-params";
import { effectiveFeatures, featureSettings, tokenPolicyOf } from "@/lib/events/policy";
import { tenantEvent, type TenantEvent } from "@/lib/events/scope";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import type { EffectiveFeatures } from "@/lib/tokens/types";
import { checkLinkClaims, linkTokenHeader, linkTokenPayload, linkUrl, type LinkClaims } from "./claims";
import { linkLifetime, linkTimes, type LinkPolicy } from "./lifetime";
import type { IssueLinkInput, LinkFilter, LinkSort, RecordBrowserLinkInput } from "./schema";
import { LINK_EXPORT_LIMIT } from "./csv";
import { linkListWhere } from "./list-where";
import { decodeRoles, encodeRoles, isLinkKind, linkStatus, statusWhere, type LinkKind, type LinkStatus } from "./status";
import { tokenHash } from "./token-hash";

/**
 * Test links: issued by an admin, signed with a key the dashboard keeps (decrypted here only to
 * sign) or in the admin's browser (the server records metadata only). The token is returned once
 * and stored only as its SHA-256. Every change is audited in its transaction.
 */

/** How far the clock of a browser that signs a link may be from ours before the link is refused. */
const BROWSER_CLOCK_TOLERANCE_SECONDS = 120;

export interface IssuingKey {
  id: string;
  kid: string;
  shortKid: string;
  label: string | null;
  keepsPrivateKey: boolean;
  activatedAt: Date | null;
}

export interface LinkIssuingContext {
  event: { id: string; slug: string; name: string };
  policy: LinkPolicy;
  /** Effective: organization AND event. */
  features: EffectiveFeatures;
  organizationFeatures: EffectiveFeatures;
  eventFeatures: EffectiveFeatures;
  fields: ProfileFieldRow[];
  /** Active keys, most recently activated first: the ones that may sign test links. */
  activeKeys: IssuingKey[];
  entryBaseUrl: string;
}

async function activeKeysOf(eventId: string): Promise<Array<IssuingKey & { encryptedPrivateKey: string | null }>> {
  const keys = await db.signingKey.findMany({
    where: { eventId, status: "active" },
    select: { id: true, kid: true, label: true, encryptedPrivateKey: true, activatedAt: true, createdAt: true },
    orderBy: [{ activatedAt: "desc" }, { createdAt: "desc" }],
  });
  return keys.map((k) => ({ ...k, shortKid: shortKid(k.kid), keepsPrivateKey: k.encryptedPrivateKey !== null }));
}

/** What the issue form needs: the event's policy, features, profile fields and the keys that may sign. */
export async function linkIssuingContext(ctx: TenantContext, eventSlug: string): Promise<LinkIssuingContext> {
  const event = await tenantEvent(ctx, eventSlug);
  const [fields, keys] = await Promise.all([listProfileFields(ctx, eventSlug), activeKeysOf(event.id)]);
  const features = featureSettings(event);
  return {
    event: { id: event.id, slug: event.slug, name: event.name },
    policy: tokenPolicyOf(event),
    features: features.effective,
    organizationFeatures: features.organization,
    eventFeatures: features.event,
    fields,
    activeKeys: keys.map((k) => ({ id: k.id, kid: k.kid, shortKid: k.shortKid, label: k.label, keepsPrivateKey: k.keepsPrivateKey, activatedAt: k.activatedAt })),
    entryBaseUrl: appUrl(),
  };
}

type AttendeeInput = Pick<IssueLinkInput, "displayName" | "email" | "avatarUrl" | "userProfile" | "roles" | "kind" | "confirmHostLongLived">;

/** The checks both signing paths share: claims (entry rules + features) and the host confirmation. */
function checkAttendee(input: AttendeeInput, features: EffectiveFeatures): LinkClaims {
  const check = checkLinkClaims(input, features);
  if (!check.ok) throw fieldError(check.error.field, check.error.message);
  if (input.kind === "long_lived" && check.claims.roles?.includes("host") && !input.confirmHostLongLived) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "A long-lived link with the host role lets anyone who holds it run the event, for as long as it lasts. Confirm that you mean it (confirmHostLongLived), or issue a one-off link.",
      { field: "confirmHostLongLived" },
    );
  }
  return check.claims;
}

export interface LinkView {
  id: string;
  jti: string;
  kind: LinkKind;
  kid: string;
  displayName: string;
  email: string | null;
  roles: string[];
  claims: LinkClaims;
  status: LinkStatus;
  signedIn: "browser" | "server";
  issuedAt: Date;
  expiresAt: Date;
  issuedByLabel: string;
  revokedAt: Date | null;
  revokedByLabel: string | null;
  usedAt: Date | null;
  redemptions: number;
  lastRedeemedAt: Date | null;
}

const LINK_COLUMNS = {
  id: true,
  jti: true,
  kind: true,
  kid: true,
  displayName: true,
  roles: true,
  claims: true,
  signedIn: true,
  issuedAt: true,
  expiresAt: true,
  issuedByLabel: true,
  revokedAt: true,
  revokedByLabel: true,
  usedAt: true,
  redemptions: true,
  lastRedeemedAt: true,
} as const;

type LinkRecord = Prisma.IssuedLinkGetPayload<{ select: typeof LINK_COLUMNS }>;

function parseClaims(json: string, displayName: string): LinkClaims {
  try {
    const value = JSON.parse(json) as LinkClaims;
    return value && typeof value === "object" ? value : { displayName };
  } catch {
    return { displayName };
  }
}

function viewOf(row: LinkRecord, now: Date): LinkView {
  const claims = parseClaims(row.claims, row.displayName);
  return {
    ...row,
    kind: isLinkKind(row.kind) ? row.kind : "one_off",
    roles: decodeRoles(row.roles),
    claims,
    email: claims.email ?? null,
    status: linkStatus(row, now),
    signedIn: row.signedIn === "browser" ? "browser" : "server",
  };
}

interface NewLink {
  jti: string;
  kind: LinkKind;
  kid: string;
  claims: LinkClaims;
  tokenHash: string;
  signedIn: "browser" | "server";
  iat: number;
  exp: number;
}

async function insertLink(ctx: TenantContext, event: TenantEvent, link: NewLink, now: Date): Promise<LinkView> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.issuedLink.create({
        data: {
          eventId: event.id,
          jti: link.jti,
          kind: link.kind,
          kid: link.kid,
          tokenHash: link.tokenHash,
          displayName: link.claims.displayName,
          nameSearch: link.claims.displayName.toLowerCase(),
          roles: encodeRoles(link.claims.roles ?? []),
          claims: JSON.stringify(link.claims),
          signedIn: link.signedIn,
          issuedAt: new Date(link.iat * 1000),
          expiresAt: new Date(link.exp * 1000),
          issuedById: ctx.actor.id,
          issuedByLabel: ctx.actor.label,
        },
        select: LINK_COLUMNS,
      });
      await recordAudit(tx, ctx, {
        action: "link.issued",
        targetType: "issued_link",
        targetId: row.id,
        targetLabel: `Test link for ${link.claims.displayName}`,
        eventSlug: event.slug,
        details: {
          kind: link.kind,
          roles: link.claims.roles ?? [],
          kid: link.kid,
          jti: link.jti,
          signedIn: link.signedIn,
          expiresAt: new Date(link.exp * 1000).toISOString(),
        },
      });
      return viewOf(row, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("A link with this jti or token already exists. Issue the link again: a new one gets a fresh jti.", "jti");
    throw error;
  }
}

export interface IssuedLinkResult {
  link: LinkView;
  /** Shown once, never stored. */
  token: string;
  url: string;
}

function noSigningKey(eventSlug: string, activeCount: number): AppError {
  return new AppError(
    "PRECONDITION_FAILED",
    activeCount === 0
      ? `The event "${eventSlug}" has no active signing key, so no link can be signed. Generate a key on the Keys page (let the dashboard keep an encrypted copy) and activate it.`
      : "None of the event's active keys has a private key the dashboard keeps. Sign in your browser with your private key, or generate a key on the Keys page and let the dashboard keep an encrypted copy.",
    { field: "keyId" },
  );
}

/** Issues a link signed with an active key whose private key the dashboard keeps (decrypted only for this signature). */
export async function issueLink(ctx: TenantContext, input: IssueLinkInput, now = new Date()): Promise<IssuedLinkResult> {
  requireWrite(ctx);
  const event = await tenantEvent(ctx, input.eventSlug);
  const policy = tokenPolicyOf(event);
  const claims = checkAttendee(input, effectiveFeatures(event));
  const lifetime = linkLifetime(input.kind, input.lifetimeSeconds, policy);
  if (!lifetime.ok) throw fieldError("lifetimeSeconds", lifetime.error);

  const keys = await activeKeysOf(event.id);
  const usable = keys.filter((k) => k.encryptedPrivateKey !== null);
  const key = input.keyId ? usable.find((k) => k.id === input.keyId) : usable[0];
  if (!key) {
    if (input.keyId && usable.length > 0) throw fieldError("keyId", "That key is not an active key the dashboard keeps for this event. Choose another, or reload the page.", "PRECONDITION_FAILED");
    throw noSigningKey(event.slug, keys.length);
  }
  let privateKey;
  try {
    privateKey = decryptPrivateKey(key.encryptedPrivateKey!, { organizationId: ctx.organizationId, eventId: event.id, kid: key.kid });
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    throw new AppError(
      "PRECONDITION_FAILED",
      "The dashboard cannot open its copy of this key's private key (the server's KEY_ENCRYPTION_KEY is missing or has changed). Sign in your browser with your own private key, or ask the operator.",
      { field: "keyId" },
    );
  }
  const jti = randomUUID();
  const times = linkTimes(now, lifetime.seconds, policy);
  const token = await new SignJWT(linkTokenPayload(claims, { jti, ...times })).setProtectedHeader(linkTokenHeader(key.kid)).sign(privateKey);
  const link = await insertLink(ctx, event, { jti, kind: input.kind, kid: key.kid, claims, tokenHash: tokenHash(token), signedIn: "server", ...times }, now);
  return { link, token, url: linkUrl(appUrl(), event.slug, token) };
}

/**
 * Records a link the admin's browser signed. The server never sees the token or the private key:
 * it checks that the metadata describes a link the entry will accept (an active key of this
 * event, the policy's lifetime, a sane issue time) and keeps it, so the link is tracked and
 * revocable like any other.
 */
export async function recordBrowserSignedLink(ctx: TenantContext, input: RecordBrowserLinkInput, now = new Date()): Promise<LinkView> {
  requireWrite(ctx);
  const event = await tenantEvent(ctx, input.eventSlug);
  const policy = tokenPolicyOf(event);
  const claims = checkAttendee(input, effectiveFeatures(event));

  const lifetimeSeconds = input.exp - input.iat;
  if (input.kind === "one_off" && lifetimeSeconds !== policy.oneOffLifetimeSeconds) {
    throw fieldError("exp", `A one-off link lasts exactly this event's one-off lifetime, ${formatDuration(policy.oneOffLifetimeSeconds)} (exp − iat = ${policy.oneOffLifetimeSeconds}). Reload the page: the policy may have changed.`);
  }
  const lifetime = linkLifetime(input.kind, lifetimeSeconds, policy);
  if (!lifetime.ok) throw fieldError("lifetimeSeconds", lifetime.error);

  const nowSeconds = Math.floor(now.getTime() / 1000);
  const drift = input.iat - nowSeconds;
  if (drift > policy.leewaySeconds || drift < -BROWSER_CLOCK_TOLERANCE_SECONDS) {
    throw fieldError(
      "iat",
      `The link says it was issued at ${formatUtc(new Date(input.iat * 1000))}, ${Math.abs(drift)} seconds ${drift > 0 ? "ahead of" : "behind"} this server's clock. The entry checks the time, so this link would not work as expected: set your computer's clock automatically, reload the page and issue it again.`,
      "PRECONDITION_FAILED",
    );
  }
  if (policy.rejectTokensIssuedBefore && input.iat * 1000 < policy.rejectTokensIssuedBefore.getTime()) {
    throw fieldError("iat", `This event refuses tokens issued before ${formatUtc(policy.rejectTokensIssuedBefore)}. Reload the page and issue the link again.`, "PRECONDITION_FAILED");
  }

  const key = await db.signingKey.findFirst({ where: { eventId: event.id, kid: input.kid }, select: { status: true } });
  if (!key) {
    throw fieldError("kid", "This private key does not belong to any of this event's keys, so the entry would refuse the link (unknown_key). Use the private key of an active key shown on the Keys page.", "PRECONDITION_FAILED");
  }
  if (key.status !== "active") {
    throw fieldError("kid", `This private key belongs to a ${key.status} key of this event. Test links are signed only with active keys: activate it first, or use the active key's private key.`, "PRECONDITION_FAILED");
  }
  return insertLink(ctx, event, { jti: input.jti, kind: input.kind, kid: input.kid, claims, tokenHash: input.tokenHash, signedIn: "browser", iat: input.iat, exp: input.exp }, now);
}

/** One page of the event's links, newest first by default; fast on 100,000 links (see links-query.db.test.ts). */
export async function listIssuedLinks(ctx: TenantContext, eventSlug: string, params: ListParams<LinkSort, LinkFilter>, now = new Date()): Promise<Page<LinkView> & { eventId: string }> {
  const event = await tenantEvent(ctx, eventSlug);
  const where = linkListWhere(event.id, params, now);
  // Counting a column every index starts with lets the database answer from an index alone;
  // Prisma's plain count() selects `id`, which is in no index but the primary key.
  const total = (await db.issuedLink.count({ where, select: { eventId: true } })).eventId;
  const { page, skip, pageCount } = pageWindow(total, params.page, params.pageSize);
  const orderBy = params.sort === "displayName" ? { nameSearch: params.dir } : { [params.sort]: params.dir };
  // With no match, the page query would walk the whole sort index looking for one.
  const rows = total === 0 ? [] : await db.issuedLink.findMany({ where, orderBy: [orderBy, { id: params.dir }], skip, take: params.pageSize, select: LINK_COLUMNS });
  return { rows: rows.map((r) => viewOf(r, now)), total, page, pageSize: params.pageSize, pageCount, eventId: event.id };
}

/** Every link the filters select, in the list's order (no paging), for the CSV export. */
export async function issuedLinksForExport(
  ctx: TenantContext,
  eventSlug: string,
  params: Pick<ListParams<LinkSort, LinkFilter>, "q" | "sort" | "dir" | "filters">,
  now = new Date(),
): Promise<{ eventSlug: string; rows: LinkView[] }> {
  const event = await tenantEvent(ctx, eventSlug);
  const orderBy = params.sort === "displayName" ? { nameSearch: params.dir } : { [params.sort]: params.dir };
  const rows = await db.issuedLink.findMany({ where: linkListWhere(event.id, params, now), orderBy: [orderBy, { id: params.dir }], take: LINK_EXPORT_LIMIT, select: LINK_COLUMNS });
  return { eventSlug: event.slug, rows: rows.map((r) => viewOf(r, now)) };
}

/** Who issued the event's links, for the filter menu. */
export async function linkIssuers(ctx: TenantContext, eventSlug: string): Promise<string[]> {
  const { id: eventId } = await tenantEvent(ctx, eventSlug);
  const rows = await db.issuedLink.findMany({ where: { eventId }, distinct: ["issuedByLabel"], select: { issuedByLabel: true }, orderBy: { issuedByLabel: "asc" }, take: 100 });
  return rows.map((r) => r.issuedByLabel);
}

/** Links that still sign someone in: not used, expired or revoked. */
export async function countActiveLinks(ctx: TenantContext, eventSlug: string, now = new Date()): Promise<number> {
  const { id: eventId } = await tenantEvent(ctx, eventSlug);
  return countActiveLinksOf(eventId, now);
}

/** The same, for an event the caller has already found through tenantEvent. */
export async function countActiveLinksOf(eventId: string, now = new Date()): Promise<number> {
  // Counting eventId answers from an index alone (see listIssuedLinks).
  return (await db.issuedLink.count({ where: { eventId, ...statusWhere("active", now) }, select: { eventId: true } })).eventId;
}

/** Revokes one link: the entry refuses it from now on as link_revoked. */
export async function revokeLink(ctx: TenantContext, eventSlug: string, linkId: string, now = new Date()): Promise<LinkView> {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const event = await tenantEvent(ctx, eventSlug, tx);
    const link = await tx.issuedLink.findFirst({ where: { id: linkId, eventId: event.id }, select: LINK_COLUMNS });
    if (!link) throw notFound("Test link");
    const before = viewOf(link, now);
    if (before.status === "revoked") throw conflict(`This link was already revoked at ${formatUtc(link.revokedAt)}${link.revokedByLabel ? ` by ${link.revokedByLabel}` : ""}.`);
    if (before.status === "used") throw new AppError("PRECONDITION_FAILED", `This one-off link was used at ${formatUtc(link.usedAt)} and cannot be used again: there is nothing to revoke.`);
    if (before.status === "expired") throw new AppError("PRECONDITION_FAILED", `This link expired at ${formatUtc(link.expiresAt)} and no longer works: there is nothing to revoke.`);
    // Conditional, like the entry's redemption: a concurrent revocation is not counted twice.
    const { count } = await tx.issuedLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: now, revokedByLabel: ctx.actor.label } });
    if (count === 0) throw conflict("This link was revoked a moment ago by someone else.");
    await recordAudit(tx, ctx, {
      action: "link.revoked",
      targetType: "issued_link",
      targetId: link.id,
      targetLabel: `Test link for ${link.displayName}`,
      eventSlug: event.slug,
      details: { kind: before.kind, roles: before.roles, jti: link.jti, redemptions: link.redemptions, expiresAt: link.expiresAt.toISOString() },
    });
    return { ...before, status: "revoked", revokedAt: now, revokedByLabel: ctx.actor.label };
  });
}

/** Revokes every active link of the event at once (one UPDATE), audited with the count. */
export async function revokeAllActiveLinks(ctx: TenantContext, eventSlug: string, now = new Date()): Promise<{ revoked: number }> {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const event = await tenantEvent(ctx, eventSlug, tx);
    const { count } = await tx.issuedLink.updateMany({ where: { eventId: event.id, ...statusWhere("active", now) }, data: { revokedAt: now, revokedByLabel: ctx.actor.label } });
    if (count > 0) {
      await recordAudit(tx, ctx, {
        action: "link.revoked_all",
        targetType: "event",
        targetId: event.id,
        targetLabel: event.name,
        eventSlug: event.slug,
        details: { revoked: count },
      });
    }
    return { revoked: count };
  });
}
