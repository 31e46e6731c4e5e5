import { currentUser } from "@/lib/auth/session";
import { auditCsv } from "@/lib/audit/present";
import { AUDIT_FILTERS, AUDIT_SORTS, auditFiltersOf, auditForExport } from "@/lib/audit/query";
import { AppError } from "@/lib/errors";
import { csvHeaders } from "@/lib/tables/csv-http";
import { parseListParams } from "@/lib/tables/list-params";
import { tenantForUser } from "@/lib/tenancy/membership";

/** The Audit log's "Export CSV": every entry the table's current filters match, for a signed-in member. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await currentUser();
  if (!user) return new Response("Sign in to export the audit log.", { status: 401 });
  try {
    const ctx = await tenantForUser(user, org);
    // The same lenient reading as the table itself, so the file holds exactly what the table shows.
    const list = parseListParams(Object.fromEntries(new URL(request.url).searchParams.entries()), { sortable: AUDIT_SORTS, defaultSort: "createdAt", defaultDir: "desc", filters: AUDIT_FILTERS });
    const csv = auditCsv(await auditForExport(ctx, auditFiltersOf(list)));
    return new Response(csv, { headers: csvHeaders(`${ctx.organizationSlug}-audit-log.csv`) });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found.", { status: 404 });
    throw error;
  }
}
