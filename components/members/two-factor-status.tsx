import { Badge } from "@/components/ui/badge";

/** For owners: whether a member signs in with a second factor, and which. */
export function TwoFactorStatus({ status }: { status: { authenticatorApp: boolean; passkeys: number } }) {
  const methods = [status.authenticatorApp ? "authenticator app" : null, status.passkeys > 0 ? `${status.passkeys} passkey${status.passkeys === 1 ? "" : "s"}` : null].filter(Boolean);
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="two-factor-status">
      {methods.length > 0 ? <Badge tone="green">Two-factor on</Badge> : <Badge tone="amber">No two-factor</Badge>}
      {methods.length > 0 ? <span>{methods.join(", ")}</span> : null}
    </p>
  );
}
