import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { listDevices, organizationsRequiringTwoFactor, securityOverview } from "@/lib/accounts/sessions";
import { mailer, MAIL_UNAVAILABLE_MESSAGE } from "@/lib/mail";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { DevicesList } from "@/components/account/devices-list";
import { PasskeysPanel } from "@/components/account/passkeys-panel";
import { TotpPanel } from "@/components/account/totp-panel";
import { VerifyAddressButton } from "@/components/account/verify-address-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Account and security" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?next=/account");
  const { required } = await searchParams;
  const [overview, devices, requiring] = await Promise.all([
    securityOverview(session.user.id),
    listDevices(session.user.id, session.sessionId),
    organizationsRequiringTwoFactor(session.user.id),
  ]);
  const hasSecondFactor = overview.authenticatorApp || overview.passkeys.length > 0;
  const requiredBy = requiring.find((o) => o.slug === required) ?? requiring[0];
  return (
    <div className="space-y-6">
      <PageHeader title="Account and security" description={`Signed in as ${session.user.name} (${session.user.email}).`} />
      {requiredBy && !hasSecondFactor ? (
        <Alert tone="warning" title={`${requiredBy.name} requires two-factor sign-in`}>
          Before you can open anything in {requiredBy.name}, set up an authenticator app or add a passkey below. It protects the events and keys you
          can change.
        </Alert>
      ) : null}
      {requiredBy && hasSecondFactor && required ? (
        <Alert tone="success" title="Two-factor is on">
          <Link className="font-medium underline" href={`/orgs/${requiredBy.slug}`}>
            Continue to {requiredBy.name}
          </Link>
        </Alert>
      ) : null}

      <Card title="Email address">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="font-medium text-slate-900">{session.user.email}</span>
          {overview.emailVerified ? <Badge tone="green">Confirmed</Badge> : <Badge tone="amber">Not confirmed</Badge>}
          {!overview.emailVerified && mailer.canSend ? <VerifyAddressButton email={session.user.email} /> : null}
        </div>
        {!overview.emailVerified && !mailer.canSend ? <p className="mt-2 text-sm text-slate-600">{MAIL_UNAVAILABLE_MESSAGE}</p> : null}
      </Card>

      <Card title="Time zone" description="The dashboard states every time in UTC, as attendees' pages do. Choose your own zone to see it next to UTC.">
        <TimeZoneForm zones={Intl.supportedValuesOf("timeZone")} example={new Date().toISOString()} />
      </Card>

      <Card title="Password" description="Changing it can sign out your other devices at the same time.">
        <ChangePasswordForm />
      </Card>

      <Card
        title="Two-factor: authenticator app"
        description="After your password, sign-in asks for a 6-digit code from an app such as Google Authenticator, 1Password or Authy."
      >
        <TotpPanel enabled={overview.authenticatorApp} />
      </Card>

      <Card title="Passkeys" description="Sign in with your device's fingerprint, face or screen lock instead of a password. A passkey counts as two-factor.">
        <PasskeysPanel passkeys={overview.passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt?.toISOString() ?? null, synced: p.backedUp }))} />
      </Card>

      <section id="devices">
        <Card title="Your devices" description="Every browser signed in to your account. Sign out any you do not recognise, then change your password.">
          <DevicesList
            devices={devices.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), lastSeenAt: d.lastSeenAt.toISOString() }))}
          />
        </Card>
      </section>
    </div>
  );
}
