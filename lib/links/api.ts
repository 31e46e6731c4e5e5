import { z } from "zod";
import { ATTENDEE_ROLES } from "@/lib/profile/roles";
import type { IssuedLinkResult, LinkView } from "./service";
import { LINK_KINDS, LINK_STATUSES } from "./status";

/** The HTTP API's view of a test link (never the token; that is in the issue response only, once). */
export const apiLinkSchema = z.object({
  id: z.string(),
  jti: z.string(),
  kind: z.enum(LINK_KINDS),
  status: z.enum(LINK_STATUSES).describe("Derived: revoked > used (one-off, redeemed) > expired > active"),
  kid: z.string().describe("The key that signed it"),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.enum(ATTENDEE_ROLES)),
  claims: z.record(z.string(), z.unknown()).describe("The attendee claims the token carries"),
  signedIn: z.enum(["server", "browser"]).describe("Signed by the dashboard with a key it keeps, or in an admin's browser"),
  issuedAt: z.string(),
  expiresAt: z.string(),
  issuedBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  usedAt: z.string().nullable(),
  redemptions: z.number().int().describe("Sign-ins with this link"),
  lastRedeemedAt: z.string().nullable(),
});

const pagination = z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pageCount: z.number().int() });

export const linkListResponseSchema = z.object({ data: z.array(apiLinkSchema), pagination });
export const linkResponseSchema = z.object({ data: apiLinkSchema });
export const issuedLinkResponseSchema = z.object({
  data: z.object({
    link: apiLinkSchema,
    token: z.string().describe("The signed JWT. Returned once and never stored: keep it only as long as needed"),
    url: z.string().describe("The event link with the token: /e/{slug}?token=…"),
  }),
});

export type ApiLink = z.infer<typeof apiLinkSchema>;

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
    revokedAt: link.revokedAt?.toISOString() ?? null,
    revokedBy: link.revokedByLabel,
    usedAt: link.usedAt?.toISOString() ?? null,
    redemptions: link.redemptions,
    lastRedeemedAt: link.lastRedeemedAt?.toISOString() ?? null,
  };
}

export function presentIssued(result: IssuedLinkResult) {
  return { link: presentLink(result.link), token: result.token, url: result.url };
}
