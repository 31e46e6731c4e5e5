import type { z } from "zod";
import type { Event } from "@/generated/sqlite/client";
import type { EventSettings } from "@/lib/events/schema";
import type { KeyView } from "@/lib/keys/service";
import type { JwksSourceView, TrialFetch } from "@/lib/keys/jwks-url/service";
import { revocationNote } from "@/lib/keys/presentation";
import type { TokenLifetimePolicy } from "@/lib/keys/revocation";
import type { EventTokenInspection } from "@/lib/debugger/service";
import type { ShownField } from "@/lib/profile/present";
import type { IssuedLinkResult, LinkView } from "@/lib/links/service";
import { ATTENDEE_ROLES } from "@/lib/profile/roles";
import type { Page } from "@/lib/tables/list-params";
import type { ApiEvent, ApiLink, ApiProfileField, ApiSigningKey, tokenInspectionResponseSchema } from "./schemas";

type EventRecord = EventSettings & Pick<Event, "rejectTokensIssuedBefore" | "createdAt" | "updatedAt">;

export function presentEvent(event: EventRecord, baseUrl: string): ApiEvent {
  return {
    slug: event.slug,
    name: event.name,
    entryUrl: `${baseUrl}/e/${event.slug}`,
    startsAt: event.startsAt?.toISOString() ?? null,
    endsAt: event.endsAt?.toISOString() ?? null,
    contact: event.contact,
    features: { transcription: event.transcriptionEnabled, interpretation: event.interpretationEnabled },
    policy: {
      oneOffLifetimeSeconds: event.oneOffLifetimeSeconds,
      longLivedMaxSeconds: event.longLivedMaxSeconds,
      leewaySeconds: event.leewaySeconds,
      requireExp: event.requireExp,
      rejectTokensIssuedBefore: event.rejectTokensIssuedBefore?.toISOString() ?? null,
    },
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

/** One page of a list operation: `{data, pagination}`. */
export function presentPage<T, A>(page: Page<T>, present: (row: T) => A) {
  return { data: page.rows.map(present), pagination: { page: page.page, pageSize: page.pageSize, total: page.total, pageCount: page.pageCount } };
}

export function presentProfileField(field: { key: string; label: string; kind: ApiProfileField["kind"]; position: number }): ApiProfileField {
  return { key: field.key, label: field.label, kind: field.kind, position: field.position };
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** A key as the API shows it: identity, state, usage and revocation safety; never private material, nor the database id. */
export function presentKey(key: KeyView, policy: TokenLifetimePolicy, now: Date): ApiSigningKey {
  const note = key.status === "standby" || key.status === "retired" ? revocationNote(key, policy, now) : null;
  const safety = key.revocation;
  return {
    kid: key.kid,
    hostKid: key.hostKid,
    shortKid: key.shortKid,
    fingerprint: key.fingerprint,
    bits: key.bits,
    source: key.source,
    status: key.status,
    label: key.label,
    publicKeyPem: key.publicKeyPem,
    keepsPrivateKey: key.keepsPrivateKey,
    createdAt: key.createdAt.toISOString(),
    activatedAt: iso(key.activatedAt),
    retiredAt: iso(key.retiredAt),
    revokedAt: iso(key.revokedAt),
    lastVerifiedAt: iso(key.lastVerifiedAt),
    verifyCount: key.verifyCount,
    overlapEndsAt: iso(key.overlapEndsAt),
    revocation: note
      ? {
          safeToRevoke: key.status === "standby" || safety.kind === "safe",
          safeAt: safety.kind === "safe" ? safety.since.toISOString() : safety.kind === "wait" ? safety.safeAt.toISOString() : null,
          note: note.text,
        }
      : null,
  };
}

/** The trial fetch of a newly set JWKS URL, as the API shows it. */
export function presentJwksTrial(trial: TrialFetch | null) {
  if (!trial) return null;
  return {
    url: trial.url,
    fetchedAt: trial.fetchedAt.toISOString(),
    acceptedKeys: trial.accepted,
    refusedKeys: trial.refused,
    nextFetchAt: trial.nextFetchAt.toISOString(),
  };
}

/** The followed JWKS URL and its fetch state, beside the key list. */
export function presentJwksSource(source: JwksSourceView | null) {
  if (!source) return null;
  return {
    url: source.url,
    lastAttemptAt: source.lastAttemptAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    lastError: source.lastError,
    refusedKeys: source.refused,
    nextFetchAt: source.nextFetchAt.toISOString(),
    expired: source.expired,
  };
}

export type ApiTokenInspection = z.infer<typeof tokenInspectionResponseSchema>["data"];

/** The debugger's result for scripts: dates as ISO strings, the verdict with its reason, no internal ids. */
export function presentInspection(result: EventTokenInspection, now: Date): ApiTokenInspection {
  const { inspection, replay, attendee, warnings } = result;
  const verified = inspection.result;
  const verdict: ApiTokenInspection["verdict"] = verified.ok
    ? {
        accepted: true,
        kid: verified.kid,
        keyStatus: verified.notes.some((n) => n.code === "retired_key") ? "retired" : "active",
        jti: verified.jti ?? null,
        issuedAt: iso(verified.issuedAt),
        notBefore: iso(verified.notBefore),
        expiresAt: iso(verified.expiresAt),
        lifetimeSeconds: verified.lifetimeSeconds ?? null,
        attendee: { ...verified.claims, userProfile: verified.claims.userProfile.map(([k, v]) => [k, v] as [string, string]) },
      }
    : {
        accepted: false,
        reason: inspection.explanation!.code,
        title: inspection.explanation!.title,
        explanation: inspection.explanation!.explanation,
        attendeeAction: inspection.explanation!.action,
      };
  const field = (f: ShownField) => ({ key: f.key, label: f.label, value: f.fullValue, shown: f.value, link: f.link?.href ?? null });
  return {
    checkedAt: now.toISOString(),
    header: inspection.header,
    payload: inspection.payload,
    signatureVerified: inspection.signatureVerified,
    verdict,
    checks: inspection.checks.map(({ id, label, status, text }) => ({ id, label, status, text })),
    notes: inspection.notes.map(({ code, message }) => ({ code, message })),
    replay:
      replay.kind === "test_link"
        ? { kind: "test_link", linkKind: replay.linkKind, status: replay.status, usedAt: iso(replay.usedAt), revokedAt: iso(replay.revokedAt) }
        : replay.kind === "host_jti"
          ? { kind: "host_jti", usedAt: iso(replay.usedAt) }
          : { kind: "none" },
    tile: attendee
      ? {
          name: attendee.fullName,
          avatar: attendee.avatar.kind === "image" ? { kind: "image", url: attendee.avatar.imageUrl, initials: attendee.avatar.initials } : { kind: "initials", initials: attendee.avatar.initials },
          headline: attendee.headline ? field(attendee.headline) : null,
          hoverFields: attendee.hoverFields.map(field),
          roles: attendee.roles.map((r) => r.role),
          metLinks: attendee.metLinks.map((l) => ({ key: l.key, label: l.label, url: l.href })),
        }
      : null,
    warnings: warnings.map(({ code, level, message, key }) => ({ code, level, message, key: key ?? null })),
  };
}

export function presentLink(link: LinkView): ApiLink {
  return {
    id: link.id,
    jti: link.jti,
    kind: link.kind,
    status: link.status,
    kid: link.kid,
    displayName: link.displayName,
    email: link.email,
    roles: link.roles.filter((r): r is ApiLink["roles"][number] => (ATTENDEE_ROLES as readonly string[]).includes(r)),
    claims: { ...link.claims },
    signedIn: link.signedIn,
    issuedAt: link.issuedAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    issuedBy: link.issuedByLabel,
    revokedAt: iso(link.revokedAt),
    revokedBy: link.revokedByLabel,
    usedAt: iso(link.usedAt),
    redemptions: link.redemptions,
    lastRedeemedAt: iso(link.lastRedeemedAt),
  };
}

export function presentIssuedLink(result: IssuedLinkResult) {
  return { link: presentLink(result.link), token: result.token, url: result.url };
}
