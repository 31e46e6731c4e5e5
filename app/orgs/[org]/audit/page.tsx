import type { Metadata } from "next";
import { AUDIT_FILTERS, AUDIT_SORTS, auditActors, auditFiltersOf, listAuditLog } from "@/lib/audit/query";
import { parseListParams, tablePage, type SearchParams } from "@/lib/tables/list-params";
import { pageTenant } from "@/lib/tenancy/page";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org } = await params;
  const { ctx } = await pageTenant(org);
  const list = parseListParams(await searchParams, { sortable: AUDIT_SORTS, defaultSort: "createdAt", defaultDir: "desc", filters: AUDIT_FILTERS });
  const [result, actors] = await Promise.all([listAuditLog(ctx, auditFiltersOf(list), list), auditActors(ctx)]);
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when: organization, members, events, keys, profile fields and links. Entries cannot be edited." />
      <AuditTable
        actors={actors}
        exportHref={`/orgs/${org}/audit/export`}
        page={tablePage(result, list, (r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
      />
    </>
  );
}
