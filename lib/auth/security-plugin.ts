import { randomBytes } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { Database } from "@/lib/db/create-client";
import type { AuditAction } from "@/lib/audit/actions";
import { describeBrowser, describeNetwork } from "@/lib/accounts/devices";
import { clientAddress } from "@/lib/http/forwarded";
import { recordSecurityEvent } from "@/lib/accounts/security-events";
import type { Mailer } from "@/lib/mail/mailer";
import { newDeviceMail } from "@/lib/mail/messages";
import { createRateLimiter, type RateLimitPolicy } from "@/lib/rate-limit/limiter";
import { CODE_ALREADY_USED, CODE_ALREADY_USED_MESSAGE } from "./schema";

/** Paths after which a person is signed in (when Better Auth set a new session and no second step is pending). */
const SIGN_IN_PATHS = new Set(["/sign-in/email", "/two-factor/verify-totp", "/two-factor/verify-backup-code", "/passkey/verify-authentication"]);
const FAILURE_PATHS = new Set(["/sign-in/email", "/two-factor/verify-totp", "/two-factor/verify-backup-code"]);

/** Five failed sign-ins (password or code) to one account within 10 minutes is one audited "burst". */
export const SIGN_IN_FAILURE_BURST: RateLimitPolicy = { name: "sign-in-failures", points: 5, durationSeconds: 600 };
/** A TOTP code is accepted for up to 90 s (one period either side); remembered a little longer. */
const USED_CODE_SECONDS = 120;
const DEVICE_COOKIE = "device";
const DEVICE_SECONDS = 400 * 24 * 3600;

/** Account changes audited after Better Auth's endpoint succeeded. */
const ACCOUNT_EVENTS: Record<string, AuditAction> = {
  "/two-factor/disable": "account.two_factor_disabled",
  "/two-factor/generate-backup-codes": "account.recovery_codes_regenerated",
  "/passkey/verify-registration": "account.passkey_added",
  "/passkey/delete-passkey": "account.passkey_removed",
  "/change-password": "account.password_changed",
};

type StateCarrier = { securityBefore?: { userId: string; twoFactorWasOn: boolean } };

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * The account-security events Better Auth does not record by itself: audit entries for sign-ins,
 * failed-sign-in bursts and two-factor changes; the "new device" mail; and refusing a TOTP code
 * that was already used. Registered after the two-factor and passkey plugins, so its after-hook
 * sees a sign-in only once the second step is done.
 */
export function securityEvents(options: { db: Database; mailer?: Mailer; appUrl: string }): BetterAuthPlugin {
  const { db, mailer, appUrl } = options;
  const failures = createRateLimiter(db, SIGN_IN_FAILURE_BURST);

  /** The person a TOTP code is for: the signed-in user (turning 2FA on) or the one half-way through signing in. */
  async function codeUserId(ctx: HookContext): Promise<string | null> {
    const session = await getSessionFromCtx(ctx);
    if (session) return session.user.id;
    const cookie = ctx.context.createAuthCookie("two_factor");
    const challenge = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
    if (!challenge) return null;
    const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
    return pending?.value ?? null;
  }

  const usedCodeKey = (userId: string, code: string) => `totp-used:${userId}:${code}`;

  async function noteFailure(ctx: HookContext) {
    let userId: string | null = null;
    if (ctx.path === "/sign-in/email") {
      const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
      if (email) userId = (await db.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
    } else {
      userId = await codeUserId(ctx).catch(() => null);
    }
    if (!userId) return;
    const decision = await failures.consume(userId);
    // Exactly one audit entry per burst: the attempt that spends the last point.
    if (decision.allowed && decision.remaining === 0) {
      await recordSecurityEvent(db, {
        userId,
        action: "account.sign_in_failures",
        details: { failures: SIGN_IN_FAILURE_BURST.points, withinMinutes: SIGN_IN_FAILURE_BURST.durationSeconds / 60, network: networkOf(ctx) },
      });
    }
  }

  function networkOf(ctx: HookContext): string {
    const ip = ctx.context.newSession?.session.ipAddress;
    if (ip) return describeNetwork(ip);
    return ctx.request ? describeNetwork(clientAddress(ctx.request.headers)) : "unknown network";
  }

  /** Remembers this browser for the user (a random id in a signed cookie); true when it was new. */
  async function rememberDevice(ctx: HookContext, userId: string): Promise<boolean> {
    const cookie = ctx.context.createAuthCookie(DEVICE_COOKIE, { maxAge: DEVICE_SECONDS });
    const existing = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
    if (existing) {
      const known = await ctx.context.internalAdapter.findVerificationValue(`device:${userId}:${existing}`);
      if (known && known.value === userId) return false;
    }
    const deviceId = existing || randomBytes(18).toString("base64url");
    await ctx.context.internalAdapter.createVerificationValue({
      identifier: `device:${userId}:${deviceId}`,
      value: userId,
      expiresAt: new Date(Date.now() + DEVICE_SECONDS * 1000),
    });
    await ctx.setSignedCookie(cookie.name, deviceId, ctx.context.secret, cookie.attributes);
    return true;
  }

  function sendNewDeviceMail(user: { name: string; email: string }, browser: string, network: string) {
    if (!mailer?.canSend) return;
    const content = newDeviceMail({ name: user.name, browser, network, at: new Date(), devicesUrl: `${appUrl}/account#devices`, resetUrl: `${appUrl}/forgot-password` });
    // Not awaited: the sign-in does not wait for the mail server. Failures are logged by the mailer.
    mailer.send({ ...content, to: user.email, kind: "new_device" }).catch(() => {});
  }

  return {
    id: "security-events",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            const code = typeof ctx.body?.code === "string" ? ctx.body.code.trim() : "";
            const userId = code ? await codeUserId(ctx) : null;
            if (!userId) return;
            const used = await ctx.context.internalAdapter.findVerificationValue(usedCodeKey(userId, code));
            if (used && used.expiresAt > new Date()) {
              throw new APIError("BAD_REQUEST", {
                code: CODE_ALREADY_USED,
                message: CODE_ALREADY_USED_MESSAGE,
              });
            }
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/two-factor/disable" || ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            // Who was signed in before, and whether two-factor was on: tells "turned on" from "signed in with a code".
            const session = await getSessionFromCtx(ctx);
            if (session) {
              (ctx.context as StateCarrier).securityBefore = {
                userId: session.user.id,
                twoFactorWasOn: Boolean((session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled),
              };
            }
          }),
        },
      ],
      after: [
        {
          matcher: () => true,
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            const failed = returned instanceof Error;
            if (failed) {
              const status = (returned as APIError).statusCode;
              if (FAILURE_PATHS.has(ctx.path) && status === 401) await noteFailure(ctx);
              return;
            }
            const newSession = ctx.context.newSession;
            const before = (ctx.context as StateCarrier).securityBefore;
            const actingUserId = async () => before?.userId ?? (await getSessionFromCtx(ctx).catch(() => null))?.user.id ?? newSession?.user.id;

            if (ctx.path === "/two-factor/verify-totp") {
              const code = typeof ctx.body?.code === "string" ? ctx.body.code.trim() : "";
              const userId = before?.userId ?? newSession?.user.id;
              if (code && userId) {
                await ctx.context.internalAdapter.createVerificationValue({
                  identifier: usedCodeKey(userId, code),
                  value: userId,
                  expiresAt: new Date(Date.now() + USED_CODE_SECONDS * 1000),
                });
              }
              if (before && !before.twoFactorWasOn && userId) {
                const now = await db.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } });
                if (now?.twoFactorEnabled) await recordSecurityEvent(db, { userId, action: "account.two_factor_enabled" });
              }
            }
            const accountEvent = ACCOUNT_EVENTS[ctx.path];
            if (accountEvent) {
              const userId = await actingUserId();
              if (userId) await recordSecurityEvent(db, { userId, action: accountEvent });
            }

            if (ctx.path === "/sign-up/email" && newSession) {
              await rememberDevice(ctx, newSession.user.id);
              return;
            }
            const signedIn = newSession && SIGN_IN_PATHS.has(ctx.path) && !(ctx.path.startsWith("/two-factor/") && before);
            if (!signedIn) return;
            const browser = describeBrowser(newSession.session.userAgent);
            const network = describeNetwork(newSession.session.ipAddress);
            const method = ctx.path === "/passkey/verify-authentication" ? "passkey" : ctx.path === "/sign-in/email" ? "password" : ctx.path.endsWith("backup-code") ? "password + recovery code" : "password + authenticator code";
            const isNew = await rememberDevice(ctx, newSession.user.id);
            await recordSecurityEvent(db, { userId: newSession.user.id, action: "account.signed_in", details: { method, browser, network, newDevice: isNew } });
            if (isNew) sendNewDeviceMail(newSession.user, browser, network);
          }),
        },
      ],
    },
  };
}
