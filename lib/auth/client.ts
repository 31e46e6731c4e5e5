"use client";

import { createAuthClient } from "better-auth/react";
import { twoFactorClient } from "better-auth/client/plugins";
import { passkeyClient } from "@better-auth/passkey/client";

/**
 * Browser-side Better Auth client: sign-up, sign-in (password, code, passkey), password reset and
 * two-factor setup go through its rate-limited HTTP endpoints. The two-factor step is a page of
 * ours (/sign-in/two-factor), reached by the sign-in form, so no redirect callback here.
 */
export const authClient = createAuthClient({ plugins: [twoFactorClient(), passkeyClient()] });
