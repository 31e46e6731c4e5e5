import "server-only";
import { db } from "@/lib/db";
import { loadVerificationKeys } from "@/lib/keys/verification-keys";
import { createKeyCache } from "@/lib/tokens/key-cache";
import type { VerificationKey } from "@/lib/tokens/types";
import type { EntryEvent } from "./event-config";

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

export function verificationKeysFor(event: Pick<EntryEvent, "id" | "configVersion">): Promise<readonly VerificationKey[]> {
  return keyCache.get(event.id, event.configVersion);
}
