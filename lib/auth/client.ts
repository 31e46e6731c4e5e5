"use client";

import { createAuthClient } from "better-auth/react";

/** Browser-side Better Auth client: sign-up, sign-in and sign-out go through its rate-limited HTTP endpoints. */
export const authClient = createAuthClient();
