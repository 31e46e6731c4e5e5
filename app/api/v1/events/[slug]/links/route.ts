import { apiRoute, parseQuery } from "@/lib/api/handler";
import { presentIssued, presentLink } from "@/lib/links/api";
import { issueLinkBodySchema, linkListQueryParser } from "@/lib/links/schema";
import { issueLink, listIssuedLinks } from "@/lib/links/service";

export const GET = apiRoute("listLinks", { role: "viewer" }, async ({ ctx, params, query }) => {
  const { page, pageSize, q, sort, dir, status, kind, role, issuer } = parseQuery(linkListQueryParser, query);
  const result = await listIssuedLinks(ctx, params.slug!, { q, sort, dir, page, pageSize, filters: { status, kind, role, issuer } });
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
