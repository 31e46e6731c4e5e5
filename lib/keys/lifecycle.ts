import { AppError } from "@/lib/errors";

/**
 * The signing-key lifecycle, as pure functions:
 *
 *   standby ──activate──▶ active ──retire──▶ retired ──revoke──▶ revoked
 *      └───────────────────────revoke───────────────────────────────▲
 *
 * Active and retired keys verify tokens (the overlap that makes rotation safe); only active keys are
 * what hosts should sign with. Revoked is final: nothing leads out of it. An active key is retired
 * before it is revoked, so a key in use is never cut off by one click.
 */
export const KEY_STATUSES = ["active", "standby", "retired", "revoked"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export const KEY_TRANSITIONS = {
  activate: { from: ["standby"], to: "active" },
  retire: { from: ["active"], to: "retired" },
  revoke: { from: ["standby", "retired"], to: "revoked" },
} as const satisfies Record<string, { from: readonly KeyStatus[]; to: KeyStatus }>;
export type KeyTransition = keyof typeof KEY_TRANSITIONS;
export const KEY_TRANSITION_NAMES = Object.keys(KEY_TRANSITIONS) as KeyTransition[];

export function isKeyStatus(value: unknown): value is KeyStatus {
  return typeof value === "string" && (KEY_STATUSES as readonly string[]).includes(value);
}

/** Tokens signed with the key are accepted (if otherwise valid). */
export function verifiesTokens(status: KeyStatus): boolean {
  return status === "active" || status === "retired";
}

/** The key is listed in the event's public JWKS. */
export function isPublished(status: KeyStatus): boolean {
  return verifiesTokens(status);
}

export function allowedTransitions(status: KeyStatus): KeyTransition[] {
  return KEY_TRANSITION_NAMES.filter((t) => (KEY_TRANSITIONS[t].from as readonly KeyStatus[]).includes(status));
}

export function canTransition(status: KeyStatus, transition: KeyTransition): boolean {
  return allowedTransitions(status).includes(transition);
}

export interface KeyTimestamps {
  status: KeyStatus;
  activatedAt: Date | null;
  retiredAt: Date | null;
  revokedAt: Date | null;
}

const REFUSED: Record<KeyTransition, Partial<Record<KeyStatus, string>>> = {
  activate: {
    active: "This key is already active.",
    retired: "A retired key cannot be made active again. Add a new key and activate that one.",
    revoked: "A revoked key never comes back. Add a new key and activate that one.",
  },
  retire: {
    standby: "This key was never active, so there is nothing to retire. Revoke it if you do not need it.",
    retired: "This key is already retired.",
    revoked: "This key is revoked; revoked keys never come back.",
  },
  revoke: {
    active:
      "An active key is retired before it is revoked, so tokens in flight keep working while your platform switches keys. Retire it first; for a leaked key, retire and then revoke it right away.",
    revoked: "This key is already revoked.",
  },
};

/** The key's new status and timestamps after `transition`, or a PRECONDITION_FAILED error saying why not. */
export function applyTransition(key: KeyTimestamps, transition: KeyTransition, now: Date): KeyTimestamps {
  if (!canTransition(key.status, transition)) {
    throw new AppError("PRECONDITION_FAILED", REFUSED[transition][key.status] ?? `A ${key.status} key cannot be changed this way.`);
  }
  const to = KEY_TRANSITIONS[transition].to;
  return {
    status: to,
    activatedAt: to === "active" ? now : key.activatedAt,
    retiredAt: to === "retired" ? now : key.retiredAt,
    revokedAt: to === "revoked" ? now : key.revokedAt,
  };
}

/**
 * During a rotation old and new keys are both active for a while (the platform switches in between).
 * The admin chooses how long when activating; past it, with more than one active key, the page warns.
 */
export const OVERLAP_HOUR_CHOICES = [1, 24, 72, 168] as const;
export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 720;

export function overlapEnd(activatedAt: Date, hours: number): Date {
  return new Date(activatedAt.getTime() + hours * 3_600_000);
}

/** Would this change leave the event without an active key (so no new token can be verified)? */
export function leavesNoActiveKey(statuses: Array<{ id: string; status: KeyStatus }>, keyId: string, transition: KeyTransition): boolean {
  if (transition !== "retire") return false;
  return !statuses.some((k) => k.id !== keyId && k.status === "active");
}

export interface KeyHealth {
  active: number;
  standby: number;
  retired: number;
  revoked: number;
  /** No active key: the event accepts no attendee. */
  noActiveKey: boolean;
}

export function keyHealth(statuses: Array<{ status: KeyStatus }>): KeyHealth {
  const count = (s: KeyStatus) => statuses.filter((k) => k.status === s).length;
  const health = { active: count("active"), standby: count("standby"), retired: count("retired"), revoked: count("revoked") };
  return { ...health, noActiveKey: health.active === 0 };
}
