import { apiRoute } from "@/lib/api/handler";
import { presentPage } from "@/lib/api/present";
import { auditCsv, presentAuditEntry } from "@/lib/audit/present";
import { auditForExport, listAuditLog } from "@/lib/audit/query";
import { csvHeaders, wantsCsv } from "@/lib/tables/csv-http";

export const GET = apiRoute("listAuditLog", async ({ ctx, query, request }) => {
  const { page, pageSize, ...filters } = query;
  if (wantsCsv(request)) return new Response(auditCsv(await auditForExport(ctx, filters)), { headers: csvHeaders(`${ctx.organizationSlug}-audit-log.csv`) });
  return { body: presentPage(await listAuditLog(ctx, filters, { page, pageSize }), presentAuditEntry) };
});
