import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { parseOrgRole, ROLE_DESCRIPTIONS } from "@/lib/auth/roles";
import { formatUtc } from "@/lib/format";
import { invitationForAcceptance } from "@/lib/members/service";
import { AcceptInvitation } from "@/components/members/accept-invitation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [invitation, user] = await Promise.all([invitationForAcceptance(id), currentUser()]);
  const here = `/invite/${id}`;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md space-y-4 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200">
        {!invitation ? (
          <>
            <h1 className="text-xl font-semibold">This invitation cannot be used</h1>
            <p className="text-sm text-slate-600">It does not exist, has expired, was cancelled or was already accepted. Ask the admin who invited you for a new link.</p>
            <Link href="/" className="text-sm font-medium text-indigo-700 hover:underline">
              Go to the dashboard
            </Link>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">Join {invitation.organization.name}</h1>
            <p className="text-sm text-slate-600">
              You are invited as <strong>{parseOrgRole(invitation.role)}</strong>: {ROLE_DESCRIPTIONS[parseOrgRole(invitation.role)]} The invitation is for{" "}
              <strong>{invitation.email}</strong> and expires {formatUtc(invitation.expiresAt)}.
            </p>
            {!user ? (
              <div className="flex gap-2">
                <ButtonLink href={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>Create an account</ButtonLink>
                <ButtonLink variant="secondary" href={`/sign-in?next=${encodeURIComponent(here)}`}>
                  Sign in
                </ButtonLink>
              </div>
            ) : user.email.toLowerCase() !== invitation.email.toLowerCase() ? (
              <Alert tone="warning" title="Signed in as someone else">
                You are signed in as {user.email}. Sign out, then sign up or sign in as {invitation.email} to accept.
              </Alert>
            ) : (
              <AcceptInvitation invitationId={invitation.id} />
            )}
          </>
        )}
      </div>
    </main>
  );
}
