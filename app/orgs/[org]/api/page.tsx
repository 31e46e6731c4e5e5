import type { Metadata } from "next";
import Link from "next/link";
import { appUrl } from "@/lib/env";
import { pageTenant } from "@/lib/tenancy/page";
import { ApiReference } from "@/components/api/api-reference";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await pageTenant(org);
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            JSON over HTTPS with an organization API key (<code className="font-mono">Authorization: Bearer evk_…</code>, from{" "}
            <Link href={`/orgs/${org}/api-keys`} className="font-medium text-indigo-700 hover:underline">
              API keys
            </Link>
            ). Errors are <code className="font-mono">{`{"error": {"code", "message", "field"}}`}</code>. Machine-readable:{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 hover:underline">
              OpenAPI 3.1 document
            </a>
            .
          </>
        }
      />
      <ApiReference baseUrl={appUrl()} />
    </>
  );
}
