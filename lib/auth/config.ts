import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization, twoFactor } from "better-auth/plugins";
import { apiKey } from "@better-auth/api-key";
import { passkey } from "@better-auth/passkey";
import type { Database } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/provider";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/forwarded";
import { logger } from "@/lib/log";
import { accessControl, betterAuthRoles } from "./access-control";
import { hashPassword, verifyPassword } from "./password";
import { CODE_ALREADY_USED_MESSAGE, MIN_PASSWORD_LENGTH } from "./schema";
import { securityEvents } from "./security-plugin";
import { recordSecurityEvent } from "@/lib/accounts/security-events";
import type { Mailer } from "@/lib/mail/mailer";
import { addressVerificationMail, passwordResetMail } from "@/lib/mail/messages";

export const INVITATION_LIFETIME_SECONDS = 7 * 24 * 3600;
export const API_KEY_PREFIX = "evk_";
export const API_KEY_RATE_LIMIT = { perMinute: 600 };
/** A password-reset link works once, for 30 minutes. */
export const RESET_LINK_MINUTES = 30;
export const APP_NAME = "Event sign-in";

/** Better Auth log lines for mistakes the caller made (answered with 4xx and a message): not errors of ours. */
const CALLER_MISTAKES = new Set([
  "User not found",
  "Reset Password: User not found",
  "Invalid password",
  CODE_ALREADY_USED_MESSAGE,
]);

/**
 * Better Auth owns accounts, passwords, sessions and API keys. Organization changes go through our
 * server actions (lib/orgs, lib/members), which enforce invariants such as "never without an
 * owner" in a transaction; the plugin's own HTTP endpoints for them are disabled so there is one
 * path. Built by a function so the CLI (outside Next) gets the same configuration.
 */
export function createAuth(options: { db: Database; provider: DatabaseProvider; baseURL: string; mailer?: Mailer; extraPlugins?: BetterAuthPlugin[] }) {
  const { db, mailer } = options;
  const canMail = Boolean(mailer?.canSend);
  /** Mail is sent without waiting: the answer must not depend on whether the address has an account. */
  const sendInBackground = (send: () => Promise<void>) => {
    send().catch(() => {});
  };
  const trustedOrigins = (process.env.TRUSTED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  return betterAuth({
    appName: APP_NAME,
    baseURL: options.baseURL,
    // Extra origins allowed to post to the auth endpoints (e.g. each instance's own address in tests,
    // or a second public hostname); the base URL's origin is always trusted.
    trustedOrigins,
    database: prismaAdapter(db, { provider: options.provider }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      ...(canMail
        ? {
            sendResetPassword: async ({ user, url }: { user: { name: string; email: string }; url: string }) =>
              sendInBackground(() => mailer!.send({ ...passwordResetMail({ name: user.name, url, minutes: RESET_LINK_MINUTES }), to: user.email, kind: "password_reset" })),
          }
        : {}),
      onPasswordReset: async ({ user }) => {
        await recordSecurityEvent(db, { userId: user.id, action: "account.password_reset" });
      },
    },
    emailVerification: {
      sendOnSignUp: canMail,
      autoSignInAfterVerification: false,
      expiresIn: 24 * 3600,
      ...(canMail
        ? {
            sendVerificationEmail: async ({ user, url }: { user: { name: string; email: string }; url: string }) =>
              sendInBackground(() => mailer!.send({ ...addressVerificationMail({ name: user.name, url }), to: user.email, kind: "address_verification" })),
          }
        : {}),
    },
    // Reset links, two-factor challenges and remembered devices are kept as hashes, never in clear.
    verification: { storeIdentifier: "hashed" },
    // "Last seen" on the devices page is the session's last refresh: at most 15 minutes old.
    session: { expiresIn: 7 * 24 * 3600, updateAge: 15 * 60 },
    rateLimit: {
      // Stored in the database so several instances share one budget.
      storage: "database",
      modelName: "rateLimit",
      customRules: {
        "/sign-in/email": { window: 10, max: 3 },
        "/sign-up/email": { window: 60, max: 5 },
        // The code step of a sign-in shares the password step's budget per address.
        "/two-factor/verify-totp": { window: 10, max: 3 },
        "/two-factor/verify-backup-code": { window: 10, max: 3 },
        "/passkey/verify-authentication": { window: 10, max: 3 },
        // Each of these sends a mail: a few per minute per address.
        "/request-password-reset": { window: 60, max: 3 },
        "/send-verification-email": { window: 60, max: 3 },
      },
    },
    advanced: {
      // Secure cookies whenever the public URL is https, whatever the hop to this instance speaks.
      useSecureCookies: options.baseURL.startsWith("https://"),
      // The address the request hook resolved from the socket and TRUSTED_PROXY_HOPS (lib/http/forwarded.ts);
      // a client-sent value never reaches here, so neither the sign-in limit nor stored sessions can be steered.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    logger: {
      level: "warn",
      log(level, message) {
        // A wrong API key or an unknown sign-in email is the caller's mistake, answered with 401; not an error of ours.
        if (CALLER_MISTAKES.has(message) || message.startsWith("Failed to validate API key")) return;
        // Only the message: arguments may carry request data.
        logger[level === "error" ? "error" : "warn"]({ source: "auth" }, message);
      },
    },
    disabledPaths: [
      "/organization/create",
      "/organization/update",
      "/organization/delete",
      "/organization/invite-member",
      "/organization/cancel-invitation",
      "/organization/accept-invitation",
      "/organization/reject-invitation",
      "/organization/remove-member",
      "/organization/update-member-role",
      "/organization/leave",
      "/organization/add-member",
      "/organization/set-active",
      // API keys are managed through our actions and CLI, which record them in the audit log.
      "/api-key/create",
      "/api-key/update",
      "/api-key/delete",
    ],
    plugins: [
      organization({
        ac: accessControl,
        roles: betterAuthRoles,
        creatorRole: "owner",
        invitationExpiresIn: INVITATION_LIFETIME_SECONDS,
        // Invitations are created by our server action (lib/members), which also mails them.
        sendInvitationEmail: async () => {},
      }),
      apiKey({
        references: "organization",
        defaultPrefix: API_KEY_PREFIX,
        enableMetadata: true,
        startingCharactersConfig: { shouldStore: true, charactersLength: API_KEY_PREFIX.length + 6 },
        // Per-key budget, counted in the database row every instance shares.
        rateLimit: { enabled: true, timeWindow: 60_000, maxRequests: API_KEY_RATE_LIMIT.perMinute },
        maximumNameLength: 64,
      }),
      twoFactor({
        issuer: APP_NAME,
        backupCodeOptions: { amount: 10, length: 10 },
      }),
      passkey({
        rpID: new URL(options.baseURL).hostname,
        rpName: APP_NAME,
        origin: [new URL(options.baseURL).origin, ...trustedOrigins],
      }),
      // After two-factor and passkey: sees a sign-in only once its second step is done.
      securityEvents({ db, mailer, appUrl: options.baseURL }),
      ...(options.extraPlugins ?? []),
    ],
  });
}
