import { apiRoute, parseQuery } from "@/lib/api/handler";
import { auditCsv, presentAuditEntry } from "@/lib/audit/present";
import { auditForExport, listAuditLog } from "@/lib/audit/query";
import { auditListQueryParser } from "@/lib/audit/schema";

export const GET = apiRoute("listAuditLog", { role: "viewer" }, async ({ ctx, query, request }) => {
  const { page, pageSize, ...filters } = parseQuery(auditListQueryParser, query);
  if ((request.headers.get("accept") ?? "").includes("text/csv")) {
    return new Response(auditCsv(await auditForExport(ctx, filters)), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="audit-log.csv"`, "Cache-Control": "no-store" },
    });
  }
  const result = await listAuditLog(ctx, filters, { page, pageSize });
  return {
    body: {
      data: result.rows.map(presentAuditEntry),
      pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
    },
  };
});
