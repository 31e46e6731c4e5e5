import type { Database } from "@/lib/db/create-client";
import { bumpConfigVersion } from "@/lib/events/config-version";
import { parseKeyEncryptionKey, sealPrivateKeyObject } from "./envelope";
import { generateSigningKeyPair } from "./generate";
import { fingerprintDigest, shortKid } from "./identity";

/**
 * For the demo seed and the CLI (plain Node, outside Next): gives an event one active generated key
 * whose private key the dashboard keeps, encrypted with KEY_ENCRYPTION_KEY, so test links can be
 * signed at once. Refuses, naming the variable, when no valid key-encryption key is set.
 */
export async function seedActiveGeneratedKey(
  db: Database,
  event: { organizationId: string; id: string; slug: string },
  env: Record<string, string | undefined> = process.env,
): Promise<{ kid: string }> {
  const kek = parseKeyEncryptionKey(env.KEY_ENCRYPTION_KEY);
  const { identity, privateKey } = await generateSigningKeyPair(2048);
  const encryptedPrivateKey = sealPrivateKeyObject(privateKey, { organizationId: event.organizationId, eventId: event.id, kid: identity.kid }, kek);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const key = await tx.signingKey.create({
      data: {
        eventId: event.id,
        kid: identity.kid,
        fingerprint: fingerprintDigest(identity.fingerprint),
        bits: identity.bits,
        source: "generated",
        status: "active",
        activatedAt: now,
        publicKeyPem: identity.spkiPem,
        encryptedPrivateKey,
        label: "Demo key",
        createdAt: now,
      },
    });
    await bumpConfigVersion(tx, event.id);
    const audit = { organizationId: event.organizationId, actorType: "system", actorId: null, actorLabel: "cli", targetType: "signing_key", targetId: key.id, targetLabel: `Key ${shortKid(identity.kid)} (Demo key)`, eventSlug: event.slug };
    const details = { kid: identity.kid, fingerprint: identity.fingerprint, bits: identity.bits, source: "generated" };
    await tx.auditLog.create({ data: { ...audit, action: "key.generated", details: JSON.stringify({ ...details, keptEncryptedCopy: true }) } });
    await tx.auditLog.create({ data: { ...audit, action: "key.activated", details: JSON.stringify({ ...details, from: "new", to: "active" }) } });
  });
  return { kid: identity.kid };
}
