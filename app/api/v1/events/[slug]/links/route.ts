import { apiRoute, parseQuery } from "@/lib/api/handler";
import { presentIssued, presentLink } from "@/lib/links/api";
import { linksCsv } from "@/lib/links/csv";
import { issueLinkBodySchema, linkListQueryParser } from "@/lib/links/schema";
import { issueLink, issuedLinksForExport, listIssuedLinks } from "@/lib/links/service";
import { csvHeaders, wantsCsv } from "@/lib/tables/csv-http";

export const GET = apiRoute("listLinks", { role: "viewer" }, async ({ ctx, params, query, request }) => {
  const { page, pageSize, q, sort, dir, status, kind, role, issuer } = parseQuery(linkListQueryParser, query);
  const filters = { status, kind, role, issuer };
  if (wantsCsv(request)) {
    const exported = await issuedLinksForExport(ctx, params.slug!, { q, sort, dir, filters });
    return new Response(linksCsv(exported.rows.map(presentLink)), { headers: csvHeaders(`${exported.eventSlug}-test-links.csv`) });
  }
  const result = await listIssuedLinks(ctx, params.slug!, { q, sort, dir, page, pageSize, filters });
  return {
    body: {
      data: result.rows.map(presentLink),
      pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
    },
  };
});

/** Server-side signing only: the API never takes a private key. */
export const POST = apiRoute("issueLink", { role: "admin", body: issueLinkBodySchema }, async ({ ctx, params, body }) => {
  const result = await issueLink(ctx, { ...body, eventSlug: params.slug! });
  return { status: 201, body: { data: presentIssued(result) } };
});
