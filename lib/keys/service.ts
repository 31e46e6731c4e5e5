import "server-only";
import { db, type Transaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { tokenPolicyOf } from "@/lib/events/policy";
import { lockTenantEvent, tenantEvent } from "@/lib/events/scope";
import { formatUtc } from "@/lib/format";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { KeyRefusedError } from "./errors";
import { exportPrivateKeyPem, generateSigningKeyPair, privateKeyFileName, type PrivateKeyFormat } from "./generate";
import { displayFingerprint, fingerprintDigest, shortKid, type KeyIdentity } from "./identity";
import { applyTransition, DEFAULT_OVERLAP_HOURS, isKeyStatus, keyHealth, leavesNoActiveKey, overlapEnd, type KeyHealth, type KeyStatus, type KeyTransition } from "./lifecycle";
import { parsePublicKey, type PublicKeyFormat } from "./parse-public-key";
import { assertVaultConfigured, encryptPrivateKey, VaultError } from "./private-key-vault";
import { logUnexpected } from "@/lib/log";
import { kidConflict } from "./kid-conflicts";
import { jwksSourceOf, refreshJwks } from "./jwks-url/service";
import { revocationSafety, type RevocationSafety } from "./revocation";
import type { GenerateKeyInput, KeyTransitionInput, UploadPublicKeyInput } from "./schema";

export type KeySource = "generated" | "uploaded" | "jwks_url";

/** What actions return about a key: identity and state, never key material. */
export interface KeySummary {
  id: string;
  /** RFC 7638 thumbprint. */
  kid: string;
  /** The host's own kid (from its JWK), when it has one: tokens may carry either. */
  hostKid: string | null;
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
  overlapEndsAt: Date | null;
  revocation: RevocationSafety;
}

const keyColumns = {
  id: true,
  kid: true,
  hostKid: true,
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
  overlapEndsAt: true,
} as const;

type KeyRow = {
  id: string;
  kid: string;
  hostKid: string | null;
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
    hostKid: row.hostKid,
    shortKid: shortKid(row.kid),
    fingerprint: displayFingerprint(row.fingerprint),
    bits: row.bits,
    source: row.source === "generated" || row.source === "jwks_url" ? row.source : "uploaded",
    status: isKeyStatus(row.status) ? row.status : "revoked",
    label: row.label,
  };
}

const STATUS_ORDER: Record<KeyStatus, number> = { active: 0, standby: 1, retired: 2, revoked: 3 };

function newest(view: KeyView): number {
  return (view.revokedAt ?? view.retiredAt ?? view.activatedAt ?? view.createdAt).getTime();
}

/** The event's keys, grouped order (active, standby, retired, revoked; newest first), with revocation safety. */
export async function listEventKeys(ctx: TenantContext, eventSlug: string, now = new Date()) {
  const event = await tenantEvent(ctx, eventSlug);
  // A followed JWKS that is due is refreshed first, so the page and the API show the host's current keys.
  try {
    await refreshJwks(event.id, "schedule", now);
  } catch (error) {
    logUnexpected(`refreshing the JWKS URL of event ${event.id}`, error);
  }
  const rows = await db.signingKey.findMany({
    where: { eventId: event.id },
    select: { ...keyColumns, encryptedPrivateKey: true },
  });
  const policy = tokenPolicyOf(event);
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
  const jwksSource = await jwksSourceOf(event.id, now);
  // URL keys are the host's: they count as active keys (they verify), never as a rotation step here.
  return { event, policy, keys, health: keyHealth(keys), jwksSource };
}

function auditDetails(summary: KeySummary, extra: Record<string, unknown> = {}) {
  return { kid: summary.kid, ...(summary.hostKid ? { hostKid: summary.hostKid } : {}), fingerprint: summary.fingerprint, bits: summary.bits, source: summary.source, ...extra };
}

function targetLabel(summary: KeySummary): string {
  const name = summary.hostKid ? `${summary.shortKid} “${summary.hostKid}”` : summary.shortKid;
  return summary.label ? `Key ${name} (${summary.label})` : `Key ${name}`;
}

const kidHolderColumns = { kid: true, hostKid: true, status: true, label: true, source: true, createdAt: true } as const;

/** Refuses a key whose thumbprint or host kid already names a key of the event (see kid-conflicts.ts). */
async function assertNoKidConflict(client: Transaction | typeof db, eventId: string, candidate: { kid: string; hostKid: string | null }) {
  const existing = await client.signingKey.findMany({ where: { eventId }, select: kidHolderColumns });
  const conflict = kidConflict(candidate, existing);
  if (conflict) throw new KeyRefusedError(conflict);
}

interface NewKey {
  identity: KeyIdentity;
  hostKid: string | null;
  source: KeySource;
  label: string | null;
  activate: boolean;
  encryptedPrivateKey: string | null;
  details: Record<string, unknown>;
}

async function insertKey(ctx: TenantContext, target: { id: string; slug: string }, key: NewKey, now: Date): Promise<KeySummary> {
  try {
    return await db.$transaction(async (tx) => {
      // Locked first, so the kid check below sees every committed key of this event.
      const event = await lockTenantEvent(tx, ctx, target.slug);
      if (event.id !== target.id) throw notFound("Event");
      await assertNoKidConflict(tx, event.id, { kid: key.identity.kid, hostKid: key.hostKid });
      const row = await tx.signingKey.create({
        data: {
          eventId: event.id,
          kid: key.identity.kid,
          hostKid: key.hostKid,
          fingerprint: fingerprintDigest(key.identity.fingerprint),
          bits: key.identity.bits,
          source: key.source,
          status: key.activate ? "active" : "standby",
          activatedAt: key.activate ? now : null,
          overlapEndsAt: key.activate ? overlapEnd(now, DEFAULT_OVERLAP_HOURS) : null,
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
    if (isUniqueViolation(error)) await assertNoKidConflict(db, target.id, { kid: key.identity.kid, hostKid: key.hostKid });
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
  const event = await tenantEvent(ctx, input.eventSlug);
  const parsed = await parsePublicKey(input.publicKey);
  await assertNoKidConflict(db, event.id, parsed);
  const key = await insertKey(
    ctx,
    event,
    {
      identity: parsed,
      hostKid: parsed.hostKid,
      source: "uploaded",
      label: input.label,
      activate: input.activate,
      encryptedPrivateKey: null,
      details: { format: parsed.format },
    },
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
  const event = await tenantEvent(ctx, input.eventSlug);
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
    event,
    {
      identity: pair.identity,
      hostKid: null,
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

/** The tokens an early revocation turns away, named, for the confirmation the server insists on. */
function unsafeRevocationMessage(key: KeySummary, lastVerifiedAt: Date | null, safety: RevocationSafety): string {
  const used = lastVerifiedAt ? `It last verified a sign-in ${formatUtc(lastVerifiedAt)}.` : "It has not verified a sign-in yet.";
  const tokens = `every token signed with key ${key.shortKid}${key.hostKid ? ` (kid “${key.hostKid}”)` : ""}`;
  const until =
    safety.kind === "wait" ? `${tokens} that is still valid, which may be the case until ${formatUtc(safety.safeAt)}` : `${tokens}, including tokens without expiry, which this event accepts`;
  return `Not safe to revoke yet: revoking now refuses ${until} (attendees see key_revoked). ${used} Revoke early only if the key leaked, and confirm that you mean it (acknowledgeUnsafeRevoke).`;
}

/** Applies one lifecycle step in a transaction, with its audit entry and a configVersion bump. */
export async function changeKeyStatus(
  ctx: TenantContext,
  input: KeyTransitionInput,
  transition: KeyTransition,
  now = new Date(),
): Promise<{ key: KeySummary; health: KeyHealth }> {
  requireWrite(ctx);
  return db.$transaction(async (tx) => {
    // Locked first, so the key states read below are current.
    const event = await lockTenantEvent(tx, ctx, input.eventSlug);
    const keys = await tx.signingKey.findMany({
      where: { eventId: event.id },
      select: { ...keyColumns, encryptedPrivateKey: true },
    });
    const statuses = keys.map((k) => ({ id: k.id, status: isKeyStatus(k.status) ? k.status : ("revoked" as const) }));
    const row = keys.find((k) => k.id === input.keyId);
    if (!row) throw notFound("Signing key");
    const before = summaryOf(row);
    if (before.source === "jwks_url") {
      throw new AppError(
        "PRECONDITION_FAILED",
        "This key comes from the event's JWKS URL: the host adds and withdraws it there, and the dashboard follows. To stop using it, remove it from the JWKS (or stop following the URL).",
      );
    }
    const next = applyTransition({ status: before.status, activatedAt: row.activatedAt, retiredAt: row.retiredAt, revokedAt: row.revokedAt }, transition, now);
    if (leavesNoActiveKey(statuses, row.id, transition) && !input.acknowledgeNoActiveKey) {
      throw new AppError(
        "PRECONDITION_FAILED",
        "This is the event's only active key: after retiring it, no attendee can sign in with a new token until another key is active. Activate the new key first, or confirm that you mean it.",
        { field: "acknowledgeNoActiveKey" },
      );
    }
    const safety =
      transition === "revoke"
        ? revocationSafety({ status: before.status, retiredAt: row.retiredAt, lastVerifiedAt: row.lastVerifiedAt }, tokenPolicyOf(event), now)
        : null;
    if (safety && (safety.kind === "wait" || safety.kind === "unbounded") && !input.acknowledgeUnsafeRevoke) {
      throw new AppError("PRECONDITION_FAILED", unsafeRevocationMessage(before, row.lastVerifiedAt, safety), { field: "acknowledgeUnsafeRevoke" });
    }
    // A revoked key never signs again, so the dashboard's encrypted copy of its private key is destroyed with it.
    const destroysPrivateKey = transition === "revoke" && row.encryptedPrivateKey !== null;
    const overlap = transition === "activate" ? { overlapEndsAt: overlapEnd(now, input.overlapHours ?? DEFAULT_OVERLAP_HOURS) } : {};
    const updated = await tx.signingKey.update({
      where: { id: row.id },
      data: { ...next, ...overlap, ...(transition === "revoke" ? { encryptedPrivateKey: null } : {}) },
    });
    const summary = summaryOf(updated);
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
        ...(transition === "activate" ? { overlapHours: input.overlapHours ?? DEFAULT_OVERLAP_HOURS } : {}),
      }),
    });
    const after = statuses.map((k) => (k.id === row.id ? { ...k, status: summary.status } : k));
    return { key: summary, health: keyHealth(after) };
  });
}
