import { formatUtc } from "@/lib/format";
import { shortKid } from "./identity";
import { REFUSAL_TITLES, type KeyRefusal } from "./refusals";

/** What a key of the event is known by: its thumbprint, and the host's own kid when it has one. */
export interface KidHolder {
  kid: string;
  hostKid: string | null;
  status: string;
  label: string | null;
  source: string;
  createdAt: Date;
}

/** The other key named as an admin recognises it: short kid, host kid, label, status, when added. */
export function describeKey(key: KidHolder): string {
  const names = [`key ${shortKid(key.kid)}`];
  if (key.hostKid) names.push(`kid “${key.hostKid}”`);
  if (key.label) names.push(`“${key.label}”`);
  const from = key.source === "jwks_url" ? "from the JWKS URL" : `added ${formatUtc(key.createdAt)}`;
  return `${names.join(" ")} (${key.status}, ${from})`;
}

/**
 * Whether a new key can join the event without two keys answering to one kid: a token names its key by
 * kid, and the entry matches it against both the thumbprint and the host's kid, so each value may belong
 * to one key only. The same key again is `duplicate`; another key under one of its names is `duplicate_kid`.
 */
export function kidConflict(candidate: { kid: string; hostKid: string | null }, existing: readonly KidHolder[]): KeyRefusal | null {
  const same = existing.find((k) => k.kid === candidate.kid);
  if (same) {
    const revoked = same.status === "revoked" && same.source !== "jwks_url" ? " It was revoked, and revoked keys never come back: make a new key pair." : "";
    return {
      reason: "duplicate",
      title: REFUSAL_TITLES.duplicate,
      message: `This key is already on this event as ${describeKey(same)}. Nothing was added.${revoked}`,
    };
  }
  const names = [candidate.kid, candidate.hostKid].filter((v): v is string => Boolean(v));
  for (const name of names) {
    const other = existing.find((k) => k.kid === name || k.hostKid === name);
    if (!other) continue;
    return {
      reason: "duplicate_kid",
      title: REFUSAL_TITLES.duplicate_kid,
      message: `The kid “${name}” already names ${describeKey(other)}, a different key. Tokens choose their key by kid, so two keys of one event may not share one. Give the new key another kid where your platform publishes it, or remove the other key first. Nothing was added.`,
    };
  }
  return null;
}
