import type { Metadata } from "next";
import Link from "next/link";
import { snippetsForEvent } from "@/lib/snippets/service";
import { orNotFound, pageTenant } from "@/lib/tenancy/page";
import { SnippetsView } from "@/components/snippets/snippets-view";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Integration snippets" };

export default async function SnippetsPage({ params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const { ctx } = await pageTenant(org);
  const { description, snippets, key, activeKeyCount } = await orNotFound(snippetsForEvent(ctx, slug));
  const base = `/orgs/${org}/events/${slug}`;
  return (
    <div className="space-y-6">
      {key === null ? (
        <Alert tone="danger" title="This event has no active key yet">
          The code below has <code className="font-mono text-xs">{description.kid}</code> where the key id goes. Add your platform&apos;s public key on the{" "}
          <Link href={`${base}/keys`} className="font-semibold underline hover:no-underline">
            Keys page
          </Link>{" "}
          and activate it; this page then fills in its kid.
        </Alert>
      ) : null}
      <Card
        title="Sign attendees in from your platform"
        description="Complete examples for your web server. When a signed-in user clicks “Join the event”, make a token that is valid for 300 seconds and send the user along with a 302 redirect, as the platform's doc recommends: the token is used at once and never sits in an email, a chat or a page."
      >
        <ul className="mb-5 grid gap-x-6 gap-y-1.5 text-sm text-slate-700 sm:grid-cols-2">
          <li>
            <span className="text-slate-500">Event link:</span> <code className="break-all font-mono text-xs">{description.entryUrl}?token=…</code>
          </li>
          <li>
            <span className="text-slate-500">Key id (kid):</span>{" "}
            <code className="break-all font-mono text-xs">{description.kid}</code>
            {key?.label ? <span className="text-slate-500"> ({key.label})</span> : null}
            {activeKeyCount > 1 ? <span className="block text-xs text-slate-500">The most recently activated of {activeKeyCount} active keys; sign with whichever private key you hold and use its kid.</span> : null}
          </li>
          <li>
            <span className="text-slate-500">Private key:</span> <code className="font-mono text-xs">{description.privateKeyFile}</code>{" "}
            <span className="text-slate-500">(or set PRIVATE_KEY_PATH); PKCS#1 or PKCS#8 PEM</span>
          </li>
          <li>
            <span className="text-slate-500">Profile fields:</span>{" "}
            {description.user.userProfile.length ? (
              description.user.userProfile.map(([k]) => k).join(", ")
            ) : (
              <>
                none yet (
                <Link href={`${base}/fields`} className="text-indigo-700 underline hover:no-underline">
                  add them
                </Link>
                )
              </>
            )}
          </li>
        </ul>
        <SnippetsView snippets={snippets} />
        <p className="mt-4 text-sm text-slate-600">
          Replace <code className="font-mono text-xs">currentUser</code> with your own session lookup. Each token gets a fresh <code className="font-mono text-xs">jti</code>,
          so the entry accepts it once: a leaked or replayed link is refused. To try the entry without code, issue a{" "}
          <Link href={`${base}/links`} className="font-medium text-indigo-700 underline hover:no-underline">
            test link
          </Link>
          .
        </p>
      </Card>
    </div>
  );
}
