import { apiRoute, parseQuery } from "@/lib/api/handler";
import { auditCsv, presentAuditEntry } from "@/lib/audit/present";
import { auditForExport, listAuditLog } from "@/lib/audit/query";
import { auditListQueryParser } from "@/lib/audit/schema";
import { csvHeaders, wantsCsv } from "@/lib/tables/csv-http";

export const GET = apiRoute("listAuditLog", { role: "viewer" }, async ({ ctx, query, request }) => {
  const { page, pageSize, ...filters } = parseQuery(auditListQueryParser, query);
  if (wantsCsv(request)) return new Response(auditCsv(await auditForExport(ctx, filters)), { headers: csvHeaders(`${ctx.organizationSlug}-audit-log.csv`) });
  const result = await listAuditLog(ctx, filters, { page, pageSize });
  return {
    body: {
      data: result.rows.map(presentAuditEntry),
      pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
    },
  };
});
