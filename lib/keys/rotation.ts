import { DEFAULT_OVERLAP_HOURS, overlapEnd, type KeyStatus } from "./lifecycle";

/**
 * The one rotation order, everywhere the product speaks of it (dialogs, step cards, the Next box, the API
 * reference, the README): add the new key on standby → activate it, so old and new both verify → switch
 * the platform to sign with it → retire the old key (it still verifies tokens in flight) → revoke it when safe.
 */
export const ROTATION_STEPS = [
  { title: "Add a standby key", text: "Generate one, or paste the public key of a pair you made. Standby keys verify nothing yet." },
  { title: "Activate it", text: "Old and new keys both verify tokens from now on, so switching cannot turn anyone away." },
  { title: "Switch your platform", text: "Your platform signs new tokens with the new key (its kid in the header). The sign-ins below show when it does." },
  { title: "Retire the old key", text: "It still verifies the tokens it already signed; your platform no longer uses it." },
  { title: "Revoke it when safe", text: "Once no valid token can carry it (this page says when), revoke it for good." },
] as const;

/** What the standby hint and the add dialogs say about the next steps: the same order as the cards. */
export const ADD_AS_STANDBY_HINT =
  "Leave it off to add it as standby. Then, in this order: activate it (old and new keys both verify), switch your platform to sign with it, retire the old key.";

export const STANDBY_NEXT_STEPS = "Next: activate it here (old and new keys then both verify), switch your platform to sign with it, then retire the old key.";

export interface RotationKey {
  id: string;
  status: KeyStatus;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
  lastVerifiedAt: Date | null;
  overlapEndsAt: Date | null;
}

/** Each key's part in the last hour's sign-ins: from the activity recording where it exists, else from last use. */
export interface KeyActivity {
  /** Share of the last hour's sign-ins (0–1), or null when only the last use is known. */
  share: number | null;
  signIns: number | null;
  /** Used within the last hour. */
  recent: boolean;
}

export type NextStep =
  /** The event never had a key. */
  | { kind: "first" }
  /** No active and no standby key: nothing verifies new tokens. */
  | { kind: "add_and_activate" }
  | { kind: "activate"; keyId: string; replacesKeyId: string | null }
  /** Two or more active keys: switch the platform to the newest, then retire the oldest. */
  | { kind: "switch_then_retire"; keyId: string; newKeyId: string; platformSwitched: boolean }
  | { kind: "revoke_retired"; keyId: string }
  /** A standby key older than the active key: left over, never used. */
  | { kind: "revoke_leftover"; keyId: string }
  | { kind: "idle"; activeKeyId: string };

const time = (d: Date | null) => d?.getTime() ?? 0;

/**
 * Exactly one next step, always toward a single active key. Several active keys are retired down to the
 * newest before anything else is proposed; a standby key is only proposed for activation when it is newer
 * than the active key (a rotation starting), never "activate the next standby" in turn.
 */
export function nextRotationStep(keys: readonly RotationKey[], activity: ReadonlyMap<string, KeyActivity> = new Map()): NextStep {
  const of = (status: KeyStatus) => keys.filter((k) => k.status === status);
  const active = of("active").sort((a, b) => time(a.activatedAt) - time(b.activatedAt));
  const standby = of("standby").sort((a, b) => time(b.createdAt) - time(a.createdAt));
  const retired = of("retired").sort((a, b) => time(a.retiredAt) - time(b.retiredAt));

  if (active.length >= 2) {
    const newest = active.at(-1)!;
    const oldest = active[0]!;
    const switched = activity.get(newest.id)?.recent === true && activity.get(oldest.id)?.recent !== true;
    return { kind: "switch_then_retire", keyId: oldest.id, newKeyId: newest.id, platformSwitched: switched };
  }
  if (active.length === 0) {
    if (standby[0]) return { kind: "activate", keyId: standby[0].id, replacesKeyId: null };
    return keys.length === 0 ? { kind: "first" } : { kind: "add_and_activate" };
  }
  const current = active[0]!;
  const newer = standby.find((k) => time(k.createdAt) > time(current.activatedAt));
  if (newer) return { kind: "activate", keyId: newer.id, replacesKeyId: current.id };
  if (retired[0]) return { kind: "revoke_retired", keyId: retired[0].id };
  if (standby[0]) return { kind: "revoke_leftover", keyId: standby[0].id };
  return { kind: "idle", activeKeyId: current.id };
}

/** Which of the five step cards is current (0: none, nothing under way). */
export function currentStepNumber(step: NextStep): number {
  switch (step.kind) {
    case "first":
    case "add_and_activate":
      return 1;
    case "activate":
      return 2;
    case "switch_then_retire":
      return step.platformSwitched ? 4 : 3;
    case "revoke_retired":
      return 5;
    default:
      return 0;
  }
}

/**
 * More than one key has stayed active past the overlap the admin chose when activating the newest one:
 * the platform may never have switched, or the old key was forgotten. Null when all is well.
 */
export function overlapOverrun(keys: readonly RotationKey[], now: Date): { since: Date; activeKeyIds: string[] } | null {
  const active = keys.filter((k) => k.status === "active");
  if (active.length < 2) return null;
  const newest = active.reduce((a, b) => (time(b.activatedAt) > time(a.activatedAt) ? b : a));
  const end = newest.overlapEndsAt ?? overlapEnd(newest.activatedAt ?? newest.createdAt, DEFAULT_OVERLAP_HOURS);
  return end.getTime() < now.getTime() ? { since: end, activeKeyIds: active.map((k) => k.id) } : null;
}

/**
 * Each key's part in the last hour's sign-ins, from the attempt recording's per-key counts. A key
 * that verified a sign-in the recorder has not flushed yet (it writes every second) still counts as
 * recent through its last use.
 */
export function activityFromSignIns(
  keys: readonly RotationKey[],
  signIns: ReadonlyArray<{ keyId: string | null; signedIn: number }>,
  now: Date,
): Map<string, KeyActivity> {
  const counted = new Map<string, number>();
  for (const row of signIns) if (row.keyId) counted.set(row.keyId, (counted.get(row.keyId) ?? 0) + row.signedIn);
  const total = [...counted.values()].reduce((sum, n) => sum + n, 0);
  const lastUse = activityFromLastUse(keys, now);
  return new Map(
    keys.map((k) => {
      const n = counted.get(k.id) ?? 0;
      return [k.id, { share: total ? n / total : null, signIns: n, recent: n > 0 || lastUse.get(k.id)!.recent }];
    }),
  );
}

/** Last-use fallback for the rotation progress: whether each key verified a sign-in in the last hour. */
export function activityFromLastUse(keys: readonly RotationKey[], now: Date): Map<string, KeyActivity> {
  const hourAgo = now.getTime() - 3_600_000;
  return new Map(keys.map((k) => [k.id, { share: null, signIns: null, recent: time(k.lastVerifiedAt) >= hourAgo }]));
}
