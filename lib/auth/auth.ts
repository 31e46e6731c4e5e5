import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization } from "better-auth/plugins";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { databaseProviderOf } from "@/lib/db/provider";
import { appUrl, databaseUrl } from "@/lib/env";
import { accessControl, betterAuthRoles } from "./access-control";
import { hashPassword, verifyPassword } from "./password";

import { MIN_PASSWORD_LENGTH } from "./schema";
export const INVITATION_LIFETIME_SECONDS = 7 * 24 * 3600;

/**
 * Better Auth owns accounts, passwords and sessions. Organization changes go through our server
 * actions (lib/orgs, lib/members), which enforce invariants such as "never without an owner" in a
 * transaction; the plugin's own HTTP endpoints for them are disabled so there is one path.
 */
export const auth = betterAuth({
  baseURL: appUrl(),
  database: prismaAdapter(db, { provider: databaseProviderOf(databaseUrl()) }),
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
    ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
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
    nextCookies(), // must stay last
  ],
});

export type Auth = typeof auth;
