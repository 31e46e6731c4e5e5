import { describeDuration } from "@/lib/tokens/reasons";
import type { AttemptView } from "./attempt";
import { keyName, shortKid } from "./labels";

/**
 * The diagnosis: rules that read the recent attempts and say in words what is wrong and what to
 * do. Pure (the attempts and the clock are passed in); lib/activity/diagnose-event.ts loads them.
 * Every threshold is here, named, and listed in the README.
 */
export const DIAGNOSIS_THRESHOLDS = {
  /** The attempts read: the last 15 minutes, at most 5,000 of them (newest first). */
  windowMinutes: 15,
  maxAttempts: 5_000,
  /** wrong_key: at least this many bad_signature/unknown_key refusals without a kid… */
  wrongKeyMinimum: 3,
  /** …making up at least this share of all refusals. */
  wrongKeyShare: 0.5,
  /** unknown_kid: tokens naming a kid the event does not have. */
  unknownKidMinimum: 3,
  /** retired_key_in_use: any sign-in with a retired key means the platform has not switched yet. */
  retiredKeyMinimum: 1,
  /** revoked_key_in_use: tokens signed with a revoked key still arriving. */
  revokedKeyMinimum: 1,
  /** milliseconds: a single token with exp/iat/nbf in milliseconds is the bug. */
  millisecondsMinimum: 1,
  /** clock_ahead: this many tokens with iat in the future. */
  clockAheadMinimum: 3,
  /** expired_on_arrival: this many expired tokens, at least this share of refusals. */
  expiredMinimum: 5,
  expiredShare: 0.5,
  /** one_off_reused: one-off links refused as already_used. */
  oneOffReusedMinimum: 2,
  /** noisy_network: a network that hit the rate limit, or sent this many refusals. */
  noisyNetworkRefusals: 20,
} as const;

export type DiagnosisAttempt = Pick<AttemptView, "at" | "outcome" | "reason" | "detail" | "source" | "keyId" | "kid" | "network">;

export interface DiagnosisKey {
  id: string;
  kid: string;
  status: string;
  label: string | null;
}

export const FINDING_CODES = [
  "wrong_key",
  "unknown_kid",
  "retired_key_in_use",
  "revoked_key_in_use",
  "milliseconds",
  "clock_ahead",
  "expired_on_arrival",
  "one_off_reused",
  "noisy_network",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: "problem" | "warning";
  message: string;
  advice: string;
  /** How many of the recent attempts the finding is about. */
  count: number;
}

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function diagnose(attempts: readonly DiagnosisAttempt[], keys: readonly DiagnosisKey[], now: Date): Finding[] {
  const t = DIAGNOSIS_THRESHOLDS;
  const since = now.getTime() - t.windowMinutes * 60_000;
  const recent = attempts.filter((a) => a.at.getTime() >= since && a.at.getTime() <= now.getTime());
  const refused = recent.filter((a) => a.outcome === "refused");
  const signedIn = recent.filter((a) => a.outcome === "signed_in");
  const findings: Finding[] = [];
  const activeKeys = keys.filter((k) => k.status === "active");
  const activeList = activeKeys.length ? activeKeys.map(keyName).join(", ") : "none: activate a key on the Keys tab";

  const withoutKid = refused.filter((a) => !a.kid && (a.reason === "bad_signature" || (a.reason === "unknown_key" && a.detail?.problem === "no_key_matches")) && a.detail?.problem !== "alg_not_allowed");
  if (withoutKid.length >= t.wrongKeyMinimum && withoutKid.length >= refused.length * t.wrongKeyShare) {
    findings.push({
      code: "wrong_key",
      severity: "problem",
      count: withoutKid.length,
      message: `Most refusals (${withoutKid.length} of ${refused.length} in the last ${t.windowMinutes} minutes) are tokens without a kid that none of this event's keys verifies: the platform signs with a key that is not on this event.`,
      advice: `Active keys on this event: ${activeList}. Add the public half of the key the platform signs with (Keys tab), or switch the platform to one of these and put its kid in the token header.`,
    });
  }

  const unknownKid = refused.filter((a) => a.reason === "unknown_key" && a.detail?.problem === "kid_not_found");
  if (unknownKid.length >= t.unknownKidMinimum) {
    const kids = [...new Set(unknownKid.map((a) => a.kid).filter((k): k is string => Boolean(k)))].slice(0, 3);
    findings.push({
      code: "unknown_kid",
      severity: "problem",
      count: unknownKid.length,
      message: `${plural(unknownKid.length, "token")} named a key this event does not have (${kids.map((k) => `"${shortKid(k)}"`).join(", ")}).`,
      advice: `Add and activate that public key on the Keys tab, or make the platform use one of this event's active keys: ${activeList}.`,
    });
  }

  const retired = keys.filter((k) => k.status === "retired");
  for (const key of retired) {
    const uses = signedIn.filter((a) => a.keyId === key.id).length;
    if (uses >= t.retiredKeyMinimum) {
      findings.push({
        code: "retired_key_in_use",
        severity: "warning",
        count: uses,
        message: `${percent(uses, signedIn.length)} of sign-ins in the last ${t.windowMinutes} minutes (${uses} of ${signedIn.length}) still use retired key ${keyName(key)}: the platform has not switched to the new key.`,
        advice: "Do not revoke it yet: revoking now would turn these attendees away. Switch the platform's signer to the active key, and revoke the old one once no sign-in uses it.",
      });
    }
  }

  const revokedUses = refused.filter((a) => a.reason === "key_revoked");
  if (revokedUses.length >= t.revokedKeyMinimum) {
    const kids = [...new Set(revokedUses.map((a) => a.kid).filter((k): k is string => Boolean(k)))].slice(0, 3);
    findings.push({
      code: "revoked_key_in_use",
      severity: "problem",
      count: revokedUses.length,
      message: `${plural(revokedUses.length, "token")} signed with revoked key ${kids.map(shortKid).join(", ")} arrived: the platform still signs with it, and those attendees are turned away.`,
      advice: `Switch the platform to an active key now (${activeList}). A revoked key never comes back; if it was revoked by mistake, add a new key and switch to it.`,
    });
  }

  const millis = refused.filter((a) => a.reason === "invalid_claims" && a.detail?.problem === "milliseconds");
  if (millis.length >= t.millisecondsMinimum) {
    const example = millis[0]!.detail!;
    findings.push({
      code: "milliseconds",
      severity: "problem",
      count: millis.length,
      message: `${plural(millis.length, "token")} carried "${String(example.field)}" in milliseconds (${String(example.value)}): JWT times are whole seconds since 1970. This is the most common integration bug.`,
      advice: 'On the platform, compute the times in seconds. JavaScript: Math.floor(Date.now() / 1000); with jsonwebtoken, pass expiresIn: 300 instead of setting exp. Python: int(time.time()). PHP: time(). Go: time.Now().Unix().',
    });
  }

  const future = refused.filter((a) => a.reason === "not_yet_valid" && a.detail?.claim === "iat");
  if (future.length >= t.clockAheadMinimum) {
    const offsets = future
      .map((a) => (typeof a.detail?.at === "string" ? Date.parse(a.detail.at) - a.at.getTime() : NaN))
      .filter(Number.isFinite)
      .sort((x, y) => x - y);
    const median = offsets.length ? offsets[Math.floor(offsets.length / 2)]! : null;
    findings.push({
      code: "clock_ahead",
      severity: "problem",
      count: future.length,
      message: `${plural(future.length, "token")} said they were issued in the future${median !== null ? ` (by about ${describeDuration(median / 1000)})` : ""}: the platform's clock is off.`,
      advice: "Have the platform's servers keep time with NTP. Until then, the clock-skew leeway in the event's Settings can absorb a small difference.",
    });
  }

  const expired = refused.filter((a) => a.reason === "expired");
  if (expired.length >= t.expiredMinimum && expired.length >= refused.length * t.expiredShare) {
    findings.push({
      code: "expired_on_arrival",
      severity: "warning",
      count: expired.length,
      message: `${expired.length} of ${refused.length} refusals were tokens that had already expired when they arrived.`,
      advice: "Mint the token when the attendee clicks (the platform's own page answers with a 302 to the entry), not in advance in emails or pages that sit open. If fresh tokens expire too, check the platform's clock.",
    });
  }

  const reused = refused.filter((a) => a.reason === "already_used" && a.source === "one_off_link");
  if (reused.length >= t.oneOffReusedMinimum) {
    findings.push({
      code: "one_off_reused",
      severity: "warning",
      count: reused.length,
      message: `${plural(reused.length, "one-off link")} were opened again after they were used: a second click, or a mail scanner that followed the link first.`,
      advice: "A one-off link works once. Issue a new link for these attendees; for people who need to come back, use a long-lived link or host tokens minted per click.",
    });
  }

  const byNetwork = new Map<string, { refused: number; limited: number }>();
  for (const a of refused) {
    if (!a.network) continue;
    const entry = byNetwork.get(a.network) ?? { refused: 0, limited: 0 };
    entry.refused++;
    if (a.reason === "rate_limited") entry.limited++;
    byNetwork.set(a.network, entry);
  }
  const noisy = [...byNetwork].filter(([, n]) => n.limited > 0 || n.refused >= t.noisyNetworkRefusals).sort((x, y) => y[1].refused - x[1].refused);
  for (const [network, n] of noisy.slice(0, 3)) {
    findings.push({
      code: "noisy_network",
      severity: "warning",
      count: n.refused,
      message: `${plural(n.refused, "refusal")} came from one network, ${network}${n.limited ? `, ${n.limited} of them turned away by the rate limit` : ""}.`,
      advice: "Either many people share one address (an office, a venue's Wi-Fi) and their tokens fail for one of the reasons above, or someone is trying tokens. Fix the refusals' cause; valid tokens are never limited.",
    });
  }

  return findings;
}
