import "server-only";
import { db } from "@/lib/db";
import { logger, logUnexpected } from "@/lib/log";
import { createKeyCache } from "@/lib/tokens/key-cache";
import type { VerificationKey } from "@/lib/tokens/types";
import { KeyRefusedError } from "./errors";
import { isKeyStatus } from "./lifecycle";
import { importVerificationKey } from "./rsa-policy";

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
    select: { id: true, kid: true, hostKid: true, status: true, publicKeyPem: true },
    orderBy: { createdAt: "asc" },
  });
  const keys: VerificationKey[] = [];
  for (const row of rows) {
    if (!isKeyStatus(row.status) || row.status === "standby") continue;
    try {
      keys.push({ id: row.id, kid: row.kid, hostKid: row.hostKid, status: row.status, publicKey: importVerificationKey(row.publicKeyPem) });
    } catch (error) {
      if (error instanceof KeyRefusedError) logger.warn({ signingKeyId: row.id, reason: error.reason }, "signing key fails the key policy and is not used for verification");
      else logUnexpected(`importing signing key ${row.id}`, error);
    }
  }
  return keys;
}

/**
 * Imported keys per (event, configVersion), shared by the entry, the debugger and the API: PEMs are
 * parsed once per key change, never per request. The version is read BEFORE the keys, so a change
 * committed in between is labelled with the older version and reloaded on the next request.
 */
const keyCache = createKeyCache({
  load: async (eventId: string) => {
    const event = await db.event.findUnique({ where: { id: eventId }, select: { configVersion: true } });
    return { configVersion: event?.configVersion ?? -1, keys: await loadVerificationKeys(eventId) };
  },
});

/** The event's verification keys as of its configVersion (the entry's event copy carries both). */
export function verificationKeysFor(event: { id: string; configVersion: number }): Promise<readonly VerificationKey[]> {
  return keyCache.get(event.id, event.configVersion);
}
