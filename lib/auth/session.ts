import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import type { SessionUser } from "@/lib/tenancy/membership";

/** The signed-in admin's session for this request (user and session ids), or null. Cached per request. */
export const currentSession = cache(async () => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return {
    sessionId: session.session.id,
    user: { id: session.user.id, name: session.user.name, email: session.user.email } satisfies SessionUser,
    emailVerified: session.user.emailVerified,
  };
});

/** The signed-in admin for this request, or null. Cached per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => (await currentSession())?.user ?? null);

/** For pages: the signed-in admin, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
