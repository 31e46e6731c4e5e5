import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { mailer } from "@/lib/mail";
import { listOutbox } from "@/lib/mail/outbox";
import { pageTenant } from "@/lib/tenancy/page";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";

export const metadata: Metadata = { title: "Outbox" };

const KIND_LABELS: Record<string, string> = {
  password_reset: "Password reset",
  address_verification: "Address confirmation",
  invitation: "Invitation",
  new_device: "New device",
  test_link: "Test link",
};

/** Splits text into plain parts and https?:// links, so links in a kept mail can be followed. */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all text-indigo-700 underline" rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function OutboxPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await pageTenant(org);
  if (mailer.settings.kind !== "outbox" || ctx.actor.role !== "owner") notFound();
  const mails = await listOutbox(ctx);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Outbox"
        description="This server has no SMTP_URL, so mail is kept here (and printed in the server's console) instead of being sent. Set SMTP_URL and MAIL_FROM to deliver it."
      />
      <Alert tone="warning">Links in these mails sign people in or reset passwords. Anyone who can read this page can use them: only owners can.</Alert>
      <Card title={`${mails.length} mail${mails.length === 1 ? "" : "s"}`}>
        {mails.length === 0 ? <p className="text-sm text-slate-600">No mail yet.</p> : null}
        <ul className="-my-2 divide-y divide-slate-100">
          {mails.map((m) => (
            <li key={m.id} className="py-3" data-testid="outbox-mail">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-medium text-slate-900">{m.subject}</span>
                  <Badge>{KIND_LABELS[m.kind] ?? m.kind}</Badge>
                  <span className="text-sm text-slate-600">to {m.toAddress}</span>
                  <Time value={m.createdAt} className="text-xs text-slate-500" />
                </summary>
                <pre className="mt-3 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800 ring-1 ring-slate-200">
                  {linkify(m.text)}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
