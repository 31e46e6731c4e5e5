import { formatDuration } from "@/lib/format";
import type { TokenPolicy } from "@/lib/tokens/types";
import type { Result } from "@/lib/result";
import type { LinkKind } from "./status";

/**
 * How long a test link lives: a one-off link the policy's one-off lifetime (300 s by default); a
 * long-lived link what the admin chose, at most the policy's long-lived maximum (the entry refuses
 * anything longer as lifetime_exceeded).
 */
export const LONG_LIVED_MIN_SECONDS = 60;

const PRESETS = [3600, 8 * 3600, 86400, 3 * 86400, 7 * 86400, 30 * 86400, 90 * 86400];

export type LinkPolicy = Pick<TokenPolicy, "oneOffLifetimeSeconds" | "longLivedMaxSeconds" | "leewaySeconds" | "rejectTokensIssuedBefore">;

/** Durations to offer for a long-lived link: the presets within the maximum, and the maximum itself. */
export function longLivedChoices(policy: Pick<LinkPolicy, "longLivedMaxSeconds">): Array<{ seconds: number; label: string }> {
  const max = policy.longLivedMaxSeconds;
  const seconds = [...PRESETS.filter((s) => s < max), max];
  return seconds.map((s) => ({ seconds: s, label: s === max ? `${formatDuration(s)} (the event's maximum)` : formatDuration(s) }));
}

/** The default long-lived duration: one day, or the maximum when that is shorter. */
export function defaultLongLivedSeconds(policy: Pick<LinkPolicy, "longLivedMaxSeconds">): number {
  return Math.min(86400, policy.longLivedMaxSeconds);
}

export type LifetimeCheck = Result<{ seconds: number }>;

export function linkLifetime(kind: LinkKind, requestedSeconds: number | null | undefined, policy: Pick<LinkPolicy, "oneOffLifetimeSeconds" | "longLivedMaxSeconds">): LifetimeCheck {
  if (kind === "one_off") return { ok: true, seconds: policy.oneOffLifetimeSeconds };
  const seconds = requestedSeconds ?? defaultLongLivedSeconds(policy);
  if (!Number.isInteger(seconds) || seconds < LONG_LIVED_MIN_SECONDS) {
    return { ok: false, error: `A long-lived link lasts at least ${LONG_LIVED_MIN_SECONDS} seconds (a whole number).` };
  }
  if (seconds > policy.longLivedMaxSeconds) {
    return {
      ok: false,
      error: `This event accepts tokens valid for at most ${formatDuration(policy.longLivedMaxSeconds)}; the entry would refuse a longer link (lifetime_exceeded). Choose a shorter duration, or raise the maximum in the event's settings.`,
    };
  }
  return { ok: true, seconds };
}

/**
 * iat and exp for a link issued at `now`. iat is never before the event's "reject tokens issued
 * before" instant (it has millisecond precision, iat whole seconds): a link issued in the same
 * second as that cut-off would otherwise be refused at once.
 */
export function linkTimes(now: Date, lifetimeSeconds: number, policy: Pick<LinkPolicy, "rejectTokensIssuedBefore">): { iat: number; exp: number } {
  let iat = Math.floor(now.getTime() / 1000);
  const cutoff = policy.rejectTokensIssuedBefore;
  if (cutoff && cutoff.getTime() > iat * 1000 && cutoff.getTime() <= now.getTime()) iat = Math.ceil(cutoff.getTime() / 1000);
  return { iat, exp: iat + lifetimeSeconds };
}
