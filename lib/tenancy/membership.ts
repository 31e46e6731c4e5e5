import "server-only";
import { db } from "@/lib/db";
import { parseOrgRole } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import type { TenantContext } from "./context";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Resolves the organization by slug *through the user's membership*: a slug the user is not a
 * member of is indistinguishable from one that does not exist.
 */
export async function tenantForUser(user: SessionUser, organizationSlug: string): Promise<TenantContext> {
  const membership = await db.member.findFirst({
    where: { userId: user.id, organization: { slug: organizationSlug } },
    select: {
      role: true,
      organization: { select: { id: true, slug: true, name: true, requireTwoFactor: true } },
      user: { select: SECOND_FACTOR_COLUMNS },
    },
  });
  if (!membership) throw notFound("Organization");
  if (membership.organization.requireTwoFactor && !hasSecondFactor(membership.user)) {
    throw new TwoFactorRequiredError(membership.organization.slug, membership.organization.name);
  }
  return {
    organizationId: membership.organization.id,
    organizationSlug: membership.organization.slug,
    organizationName: membership.organization.name,
    actor: { type: "user", id: user.id, label: user.email, role: parseOrgRole(membership.role) },
  };
}

export async function organizationsOf(userId: string) {
  const rows = await db.member.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  return rows.map((r) => ({ ...r.organization, role: parseOrgRole(r.role) }));
}

/** What hasSecondFactor reads of a user: select these wherever it is asked. */
export const SECOND_FACTOR_COLUMNS = { twoFactorEnabled: true, _count: { select: { passkeys: true } } } as const;

/** An authenticator app (TOTP) or a passkey: either satisfies "members must use two-factor". */
export function hasSecondFactor(user: { twoFactorEnabled: boolean | null; _count: { passkeys: number } }): boolean {
  return Boolean(user.twoFactorEnabled) || user._count.passkeys > 0;
}

/** The organization requires two-factor and this member has none yet: pages send them to set it up first. */
export class TwoFactorRequiredError extends AppError {
  constructor(
    readonly organizationSlug: string,
    organizationName: string,
  ) {
    super("FORBIDDEN", `${organizationName} requires two-factor sign-in. Set up an authenticator app or a passkey on your account page, then try again.`);
  }
}
