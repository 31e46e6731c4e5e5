import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { describeBrowser, describeNetwork } from "./devices";
import { recordSecurityEvent } from "./security-events";

export interface DeviceView {
  id: string;
  browser: string;
  network: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The person's signed-in devices (their live sessions), this one first, then most recently seen. Never their tokens. */
export async function listDevices(userId: string, currentSessionId: string, now = new Date()): Promise<DeviceView[]> {
  const sessions = await db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true, updatedAt: true },
  });
  return sessions
    .map((s) => ({
      id: s.id,
      browser: describeBrowser(s.userAgent),
      network: describeNetwork(s.ipAddress),
      createdAt: s.createdAt,
      lastSeenAt: s.updatedAt,
      current: s.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs one of the person's own devices out (another person's session id is "not found"). */
export async function endDevice(userId: string, sessionId: string) {
  const session = await db.session.findFirst({ where: { id: sessionId, userId }, select: { id: true, userAgent: true, ipAddress: true } });
  if (!session) throw notFound("That device's session");
  await db.session.delete({ where: { id: session.id } });
  await recordSecurityEvent(db, {
    userId,
    action: "account.session_ended",
    details: { browser: describeBrowser(session.userAgent), network: describeNetwork(session.ipAddress) },
  });
}

/** Signs the person out on every device, this one included. */
export async function endAllDevices(userId: string) {
  const { count } = await db.session.deleteMany({ where: { userId } });
  await recordSecurityEvent(db, { userId, action: "account.sessions_ended", details: { sessions: count } });
  return { ended: count };
}

/** What the account page shows about sign-in methods. */
export async function securityOverview(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      emailVerified: true,
      twoFactorEnabled: true,
      passkeys: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true, deviceType: true, backedUp: true } },
      accounts: { where: { providerId: "credential" }, select: { id: true } },
    },
  });
  if (!user) throw notFound("Your account");
  return {
    emailVerified: user.emailVerified,
    authenticatorApp: Boolean(user.twoFactorEnabled),
    hasPassword: user.accounts.length > 0,
    passkeys: user.passkeys,
  };
}

/** Organizations of this person that require two-factor (shown on the account page while it is missing). */
export async function organizationsRequiringTwoFactor(userId: string) {
  const rows = await db.member.findMany({
    where: { userId, organization: { requireTwoFactor: true } },
    select: { organization: { select: { slug: true, name: true } } },
  });
  return rows.map((r) => r.organization);
}
