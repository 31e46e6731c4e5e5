import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization } from "better-auth/plugins";
import { apiKey } from "@better-auth/api-key";
import type { Database } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/provider";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/forwarded";
import { logger } from "@/lib/log";
import { accessControl, betterAuthRoles } from "./access-control";
import { hashPassword, verifyPassword } from "./password";
import { MIN_PASSWORD_LENGTH } from "./schema";

export const INVITATION_LIFETIME_SECONDS = 7 * 24 * 3600;
export const API_KEY_PREFIX = "evk_";
export const API_KEY_RATE_LIMIT = { perMinute: 600 };

/**
 * Better Auth owns accounts, passwords, sessions and API keys. Organization changes go through our
 * server actions (lib/orgs, lib/members), which enforce invariants such as "never without an
 * owner" in a transaction; the plugin's own HTTP endpoints for them are disabled so there is one
 * path. Built by a function so the CLI (outside Next) gets the same configuration.
 */
export function createAuth(options: { db: Database; provider: DatabaseProvider; baseURL: string; extraPlugins?: BetterAuthPlugin[] }) {
  return betterAuth({
    baseURL: options.baseURL,
    // Extra origins allowed to post to the auth endpoints (e.g. each instance's own address in tests,
    // or a second public hostname); the base URL's origin is always trusted.
    trustedOrigins: (process.env.TRUSTED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
    database: prismaAdapter(options.db, { provider: options.provider }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: { expiresIn: 7 * 24 * 3600, updateAge: 24 * 3600 },
    rateLimit: {
      // Stored in the database so several instances share one budget.
      storage: "database",
      modelName: "rateLimit",
      customRules: {
        "/sign-in/email": { window: 10, max: 3 },
        "/sign-up/email": { window: 60, max: 5 },
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
        if (message.startsWith("Failed to validate API key") || message === "User not found") return;
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
        // No mail server: the dashboard shows the invitation link to copy.
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
      ...(options.extraPlugins ?? []),
    ],
  });
}
