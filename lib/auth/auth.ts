import "server-only";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { databaseProviderOf } from "@/lib/db/provider";
import { appUrl, databaseUrl } from "@/lib/env";
import { mailer } from "@/lib/mail";
import { createAuth } from "./config";

/** The app's Better Auth instance; nextCookies() (last) lets server actions set session cookies. */
export const auth = createAuth({ db, provider: databaseProviderOf(databaseUrl()), baseURL: appUrl(), mailer, extraPlugins: [nextCookies()] });

export type Auth = typeof auth;
