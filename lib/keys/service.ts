import "server-only";
import { db, type Transaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { formatUtc } from "@/lib/format";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { KeyRefusedError } from "./errors";
import { exportPrivateKeyPem, generateSigningKeyPair, privateKeyFileName, type PrivateKeyFormat } from "./generate";
import { displayFingerprint, fingerprintDigest, shortKid, type KeyIdentity } from "./identity";
import { applyTransition, isKeyStatus, keyHealth, leavesNoActiveKey, type KeyHealth, type KeyStatus, type KeyTransition } from "./lifecycle";
import { parsePublicKey, type PublicKeyFormat } from "./parse-public-key";
import { assertVaultConfigured, encryptPrivateKey, VaultError } from "./private-key-vault";
import { REFUSAL_TITLES } from "./refusals";
import { revocationSafety, type RevocationSafety, type TokenLifetimePolicy } from "./revocation";
import type { GenerateKeyInput, KeyTransitionInput, UploadPublicKeyInput } from "./schema";

export type KeySource = "generated" | "uploaded";

/** What actions return about a key: identity and state, never key material. */
export interface KeySummary {
  id: string;
  kid: string;
  shortKid: string;
  fingerprint: string;
  bits: number;
  source: KeySource;
  status: KeyStatus;
  label: string | null;
}

/** What the keys page shows: the summary plus the public PEM (for copying), usage and dates. */
export interface KeyView extends KeySummary {
  publicKeyPem: string;
  keepsPrivateKey: boolean;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
  revokedAt: Date | null;
  lastVerifiedAt: Date | null;
  verifyCount: number;
  revocation: RevocationSafety;
}

const keyColumns = {
  id: true,
  kid: true,
  fingerprint: true,
  bits: true,
  source: true,
  status: true,
  label: true,
  publicKeyPem: true,
  createdAt: true,
  activatedAt: true,
  retiredAt: true,
  revokedAt: true,
  lastVerifiedAt: true,
  verifyCount: true,
} as const;

type KeyRow = {
  id: string;
  kid: string;
  fingerprint: string;
  bits: number;
  source: string;
  status: string;
  label: string | null;
};

function summaryOf(row: KeyRow): KeySummary {
  return {
    id: row.id,
    kid: row.kid,
    shortKid: shortKid(row.kid),
    fingerprint: displayFingerprint(row.fingerprint),
    bits: row.bits,
    source: row.source === "generated" ? "generated" : "uploaded",
    status: isKeyStatus(row.status) ? row.status : "revoked",
    label: row.label,
  };
}

const STATUS_ORDER: Record<KeyStatus, number> = { active: 0, standby: 1, retired: 2, revoked: 3 };

function newest(view: KeyView): number {
  return (view.revokedAt ?? view.retiredAt ?? view.activatedAt ?? view.createdAt).getTime();
}

function policyOf(event: TokenLifetimePolicy): TokenLifetimePolicy {
  return {
    oneOffLifetimeSeconds: event.oneOffLifetimeSeconds,
    longLivedMaxSeconds: event.longLivedMaxSeconds,
    leewaySeconds: event.leewaySeconds,
    requireExp: event.requireExp,
  };
}

async function findEvent(client: Transaction | typeof db, ctx: TenantContext, slug: string) {
  const event = await client.event.findFirst({ where: { slug, organizationId: ctx.organizationId } });
  if (!event) throw notFound("Event");
  return event;
}

/** The event's keys, grouped order (active, standby, retired, revoked; newest first), with revocation safety. */
export async function listEventKeys(ctx: TenantContext, eventSlug: string, now = new Date()) {
  const event = await findEvent(db, ctx, eventSlug);
  const rows = await db.signingKey.findMany({
    where: { eventId: event.id },
    select: { ...keyColumns, encryptedPrivateKey: true },
  });
  const policy = policyOf(event);
  const keys: KeyView[] = rows
    .map(({ encryptedPrivateKey, ...row }) => {
      const summary = summaryOf(row);
      return {
        ...row,
        ...summary,
        keepsPrivateKey: encryptedPrivateKey !== null,
        revocation: revocationSafety({ status: summary.status, retiredAt: row.retiredAt, lastVerifiedAt: row.lastVerifiedAt }, policy, now),
      };
    })
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || newest(b) - newest(a));
  return { event, policy, keys, health: keyHealth(keys) };
}

function auditDetails(summary: KeySummary, extra: Record<string, unknown> = {}) {
  return { kid: summary.kid, fingerprint: summary.fingerprint, bits: summary.bits, source: summary.source, ...extra };
}

function targetLabel(summary: KeySummary): string {
  return summary.label ? `Key ${summary.shortKid} (${summary.label})` : `Key ${summary.shortKid}`;
}

async function duplicateRefusal(eventId: string, kid: string): Promise<KeyRefusedError> {
  const existing = await db.signingKey.findFirst({ where: { eventId, kid }, select: { kid: true, status: true, createdAt: true, label: true } });
  const where = existing
    ? `key ${shortKid(existing.kid)}${existing.label ? ` “${existing.label}”` : ""} (${existing.status}, added ${formatUtc(existing.createdAt)})`
    : `key ${shortKid(kid)}`;
  const revoked = existing?.status === "revoked" ? " It was revoked, and revoked keys never come back: make a new key pair." : "";
  return new KeyRefusedError({
    reason: "duplicate",
    title: REFUSAL_TITLES.duplicate,
    message: `This key is already on this event as ${where}. Nothing was added.${revoked}`,
  });
}

interface NewKey {
  identity: KeyIdentity;
  source: KeySource;
  label: string | null;
  activate: boolean;
  encryptedPrivateKey: string | null;
  details: Record<string, unknown>;
}

async function insertKey(ctx: TenantContext, eventId: string, key: NewKey, now: Date): Promise<KeySummary> {
  try {
    return await db.$transaction(async (tx) => {
      const event = await tx.event.findFirst({ where: { id: eventId, organizationId: ctx.organizationId } });
      if (!event) throw notFound("Event");
      await tx.event.update({ where: { id: event.id }, data: { configVersion: { increment: 1 } } });
      const row = await tx.signingKey.create({
        data: {
          eventId: event.id,
          kid: key.identity.kid,
          fingerprint: fingerprintDigest(key.identity.fingerprint),
          bits: key.identity.bits,
          source: key.source,
          status: key.activate ? "active" : "standby",
          activatedAt: key.activate ? now : null,
          publicKeyPem: key.identity.spkiPem,
          encryptedPrivateKey: key.encryptedPrivateKey,
          label: key.label,
          createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
          createdAt: now,
        },
      });
      const summary = summaryOf(row);
      const action: AuditAction = key.source === "generated" ? "key.generated" : "key.uploaded";
      await recordAudit(tx, ctx, {
        action,
        targetType: "signing_key",
        targetId: row.id,
        targetLabel: targetLabel(summary),
        eventSlug: event.slug,
        details: auditDetails(summary, key.details),
      });
      if (key.activate) {
        await recordAudit(tx, ctx, {
          action: "key.activated",
          targetType: "signing_key",
          targetId: row.id,
          targetLabel: targetLabel(summary),
          eventSlug: event.slug,
          details: auditDetails(summary, { from: "new", to: "active" }),
        });
      }
      return summary;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await duplicateRefusal(eventId, key.identity.kid);
    throw error;
  }
}

/** Adds a pasted or uploaded public key (standby, or active at once when asked). Private keys and the rest are refused, unstored. */
export async function uploadPublicKey(
  ctx: TenantContext,
  input: UploadPublicKeyInput,
  now = new Date(),
): Promise<{ key: KeySummary; format: PublicKeyFormat }> {
  requireWrite(ctx);
  const event = await findEvent(db, ctx, input.eventSlug);
  const parsed = await parsePublicKey(input.publicKey);
  const existing = await db.signingKey.findFirst({ where: { eventId: event.id, kid: parsed.kid }, select: { id: true } });
  if (existing) throw await duplicateRefusal(event.id, parsed.kid);
  const key = await insertKey(
    ctx,
    event.id,
    { identity: parsed, source: "uploaded", label: input.label, activate: input.activate, encryptedPrivateKey: null, details: { format: parsed.format } },
    now,
  );
  return { key, format: parsed.format };
}

export interface GeneratedKeyResult {
  key: KeySummary;
  /** The one and only copy handed out: the dialog offers it as a download, then forgets it. */
  privateKey: { pem: string; format: PrivateKeyFormat; fileName: string };
  keptEncryptedCopy: boolean;
}

/** Generates an RSA pair off the event loop; the private key is returned once and, if the admin chose so, kept encrypted. */
export async function generateKey(ctx: TenantContext, input: GenerateKeyInput, now = new Date()): Promise<GeneratedKeyResult> {
  requireWrite(ctx);
  const event = await findEvent(db, ctx, input.eventSlug);
  if (input.keepPrivateKey) {
    try {
      assertVaultConfigured();
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      throw new AppError(
        "PRECONDITION_FAILED",
        "This server has no valid KEY_ENCRYPTION_KEY, so it cannot keep an encrypted copy. Choose not to keep a copy, or ask the operator to set KEY_ENCRYPTION_KEY (openssl rand -base64 32). Nothing was generated.",
        { field: "keepPrivateKey" },
      );
    }
  }
  const pair = await generateSigningKeyPair(input.bits);
  const encryptedPrivateKey = input.keepPrivateKey
    ? encryptPrivateKey(pair.privateKey, { organizationId: ctx.organizationId, eventId: event.id, kid: pair.identity.kid })
    : null;
  const key = await insertKey(
    ctx,
    event.id,
    {
      identity: pair.identity,
      source: "generated",
      label: input.label,
      activate: input.activate,
      encryptedPrivateKey,
      details: { keptEncryptedCopy: input.keepPrivateKey, privateKeyFormat: input.privateKeyFormat },
    },
    now,
  );
  return {
    key,
    privateKey: {
      pem: exportPrivateKeyPem(pair.privateKey, input.privateKeyFormat),
      format: input.privateKeyFormat,
      fileName: privateKeyFileName(event.slug, pair.identity.kid),
    },
    keptEncryptedCopy: input.keepPrivateKey,
  };
}

const TRANSITION_AUDIT: Record<KeyTransition, AuditAction> = {
  activate: "key.activated",
  retire: "key.retired",
  revoke: "key.revoked",
};

/** Applies one lifecycle step in a transaction, with its audit entry and a configVersion bump. */
export async function changeKeyStatus(
  ctx: TenantContext,
  input: KeyTransitionInput,
  transition: KeyTransition,
  now = new Date(),
): Promise<{ key: KeySummary; health: KeyHealth }> {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    const event = await findEvent(tx, ctx, input.eventSlug);
    // Written first: the row update serializes concurrent key changes of this event (PostgreSQL holds
    // the second until the first commits; SQLite has one writer), so the key states read below are current.
    await tx.event.update({ where: { id: event.id }, data: { configVersion: { increment: 1 } } });
    const keys = await tx.signingKey.findMany({
      where: { eventId: event.id },
      select: { ...keyColumns, encryptedPrivateKey: true },
    });
    const statuses = keys.map((k) => ({ id: k.id, status: isKeyStatus(k.status) ? k.status : ("revoked" as const) }));
    const row = keys.find((k) => k.id === input.keyId);
    if (!row) throw notFound("Signing key");
    const before = summaryOf(row);
    const next = applyTransition({ status: before.status, activatedAt: row.activatedAt, retiredAt: row.retiredAt, revokedAt: row.revokedAt }, transition, now);
    if (leavesNoActiveKey(statuses, row.id, transition) && !input.acknowledgeNoActiveKey) {
      throw new AppError(
        "PRECONDITION_FAILED",
        "This is the event's only active key: after retiring it, no attendee can sign in with a new token until another key is active. Activate the new key first, or confirm that you mean it.",
        { field: "acknowledgeNoActiveKey" },
      );
    }
    // A revoked key never signs again, so the dashboard's encrypted copy of its private key is destroyed with it.
    const destroysPrivateKey = transition === "revoke" && row.encryptedPrivateKey !== null;
    const updated = await tx.signingKey.update({ where: { id: row.id }, data: { ...next, ...(transition === "revoke" ? { encryptedPrivateKey: null } : {}) } });
    const summary = summaryOf(updated);
    const safety =
      transition === "revoke"
        ? revocationSafety({ status: before.status, retiredAt: row.retiredAt, lastVerifiedAt: row.lastVerifiedAt }, policyOf(event), now)
        : null;
    await recordAudit(tx, ctx, {
      action: TRANSITION_AUDIT[transition],
      targetType: "signing_key",
      targetId: row.id,
      targetLabel: targetLabel(summary),
      eventSlug: event.slug,
      details: auditDetails(summary, {
        from: before.status,
        to: summary.status,
        ...(safety ? { safeToRevoke: safety.kind === "safe" || before.status === "standby", lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null } : {}),
        ...(destroysPrivateKey ? { keptPrivateKeyDestroyed: true } : {}),
      }),
    });
    const after = statuses.map((k) => (k.id === row.id ? { ...k, status: summary.status } : k));
    return { key: summary, health: keyHealth(after) };
  });
}
