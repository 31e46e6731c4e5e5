import "server-only";
import type { KeyObject } from "node:crypto";
import { db } from "@/lib/db";
import { logger, logUnexpected } from "@/lib/log";
import { KeyRefusedError } from "./errors";
import { isKeyStatus, type KeyStatus } from "./lifecycle";
import { importVerificationKey } from "./rsa-policy";

export interface VerificationKey {
  /** SigningKey.id, for recordKeyUse. */
  id: string;
  kid: string;
  status: Extract<KeyStatus, "active" | "retired" | "revoked">;
  publicKey: KeyObject;
}

/**
 * The keys the attendee entry checks tokens against: active and retired keys verify; revoked ones
 * are included so a token signed with one fails as key_revoked rather than unknown_key. Each PEM is
 * imported here, once, through the same policy as a paste (RSA, 65537, 2048–4096 bits); the entry
 * caches the result per (eventId, configVersion). A stored key that fails the policy is left out
 * (tokens for it fail as unknown_key) and logged by id, never by content.
 */
export async function loadVerificationKeys(eventId: string): Promise<VerificationKey[]> {
  const rows = await db.signingKey.findMany({
    where: { eventId, status: { in: ["active", "retired", "revoked"] } },
    select: { id: true, kid: true, status: true, publicKeyPem: true },
    orderBy: { createdAt: "asc" },
  });
  const keys: VerificationKey[] = [];
  for (const row of rows) {
    if (!isKeyStatus(row.status) || row.status === "standby") continue;
    try {
      keys.push({ id: row.id, kid: row.kid, status: row.status, publicKey: importVerificationKey(row.publicKeyPem) });
    } catch (error) {
      if (error instanceof KeyRefusedError) logger.warn({ signingKeyId: row.id, reason: error.reason }, "signing key fails the key policy and is not used for verification");
      else logUnexpected(`importing signing key ${row.id}`, error);
    }
  }
  return keys;
}
