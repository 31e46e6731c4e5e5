import { KeyRefusedError } from "../errors";
import { identityOf, shortKid, type KeyIdentity } from "../identity";
import { importRsaJwk } from "../parse-public-key";
import { assertRsaPolicy } from "../rsa-policy";

export const MAX_JWKS_KEYS = 20;

export interface AcceptedUrlKey extends KeyIdentity {
  hostKid: string | null;
}

/** A key of the document that was skipped, and why (shown on the Keys tab). */
export interface RefusedUrlKey {
  /** The key's own kid, or its position ("key 3") when it has none. */
  kid: string;
  reason: string;
  message: string;
}

export type KeySetOutcome = { ok: true; keys: AcceptedUrlKey[]; refused: RefusedUrlKey[] } | { ok: false; error: string };

/**
 * The followed JWKS, held key by key to the same policy as a paste (RSA 2048–4096, e = 65537, RS256/sig,
 * no private members, no zero-padded e, no even modulus): refused keys are listed with their reason and
 * skipped. At most 20 keys are taken; two keys with one kid keep the first.
 */
export async function readKeySet(body: string): Promise<KeySetOutcome> {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    return { ok: false, error: "The answer is not JSON, so it is not a JWKS. Check that the URL is the JWKS itself, not a login or documentation page." };
  }
  if (!document || typeof document !== "object" || Array.isArray(document) || !Array.isArray((document as { keys?: unknown }).keys)) {
    return { ok: false, error: 'The answer is JSON but not a JWKS: it needs a "keys" list, as in {"keys": [{"kty": "RSA", …}]}.' };
  }
  const list = (document as { keys: unknown[] }).keys;
  const keys: AcceptedUrlKey[] = [];
  const refused: RefusedUrlKey[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of list.entries()) {
    const ownKid = entry && typeof entry === "object" && typeof (entry as { kid?: unknown }).kid === "string" ? String((entry as { kid: string }).kid).slice(0, 128) : `key ${index + 1}`;
    if (index >= MAX_JWKS_KEYS) {
      refused.push({ kid: ownKid, reason: "too_many", message: `Only the first ${MAX_JWKS_KEYS} keys of a JWKS are used.` });
      continue;
    }
    try {
      const { key, hostKid } = importRsaJwk(entry);
      const { bits } = assertRsaPolicy(key);
      const identity = await identityOf(key, bits);
      const names = [identity.kid, hostKid].filter((v): v is string => Boolean(v));
      const clash = names.find((n) => seen.has(n));
      if (clash) {
        refused.push({ kid: ownKid, reason: "duplicate_kid", message: `An earlier key of this JWKS already has the kid “${clash}”; only the first is used.` });
        continue;
      }
      for (const n of names) seen.add(n);
      keys.push({ ...identity, hostKid: hostKid && hostKid !== identity.kid ? hostKid : null });
    } catch (error) {
      if (!(error instanceof KeyRefusedError)) throw error;
      // The refusal's fix command is part of the sentence ("…with the doc's command:"), so it goes with it.
      refused.push({ kid: ownKid, reason: error.reason, message: error.refusal.command ? `${error.message} ${error.refusal.command}` : error.message });
    }
  }
  return { ok: true, keys, refused: refused.slice(0, 50) };
}

export function urlKeyName(key: { kid: string; hostKid: string | null }): string {
  return key.hostKid ? `“${key.hostKid}”` : shortKid(key.kid);
}
