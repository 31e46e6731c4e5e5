import type { Metadata } from "next";
import Link from "next/link";
import { canWrite } from "@/lib/auth/roles";
import { listApiKeys } from "@/lib/api-keys/service";
import { Time } from "@/components/ui/time";
import { pageTenant } from "@/lib/tenancy/page";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx } = await pageTenant(org);
  const keys = await listApiKeys(ctx);
  const writable = canWrite(ctx.actor.role);
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description={
          <>
            Scripts and CI use these to automate key rotation and test links through the HTTP API. See the{" "}
            <Link href={`/orgs/${org}/api`} className="font-medium text-indigo-700 hover:underline">
              API reference
            </Link>
            .
          </>
        }
      />
      {writable ? (
        <Card title="Create an API key">
          <CreateApiKeyForm orgSlug={org} />
        </Card>
      ) : null}
      <Card title={`${keys.length} key${keys.length === 1 ? "" : "s"}`}>
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">No API keys yet.</p>
        ) : (
          <ul className="-my-2 divide-y divide-slate-100">
            {keys.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="api-key-row">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {key.name} <code className="ml-1 font-mono text-xs text-slate-500">{key.start}…</code>
                  </p>
                  <p className="text-xs text-slate-500">
                    Created <Time value={key.createdAt} /> ·{" "}
                    {key.lastRequest ? (
                      <>
                        last used <Time value={key.lastRequest} />
                      </>
                    ) : (
                      "never used"
                    )}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={key.role === "admin" ? "blue" : "gray"}>{key.role}</Badge>
                  {key.revoked ? <Badge tone="red">revoked</Badge> : writable ? <RevokeApiKeyButton orgSlug={org} apiKeyId={key.id} name={key.name ?? "key"} /> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
