import { apiRoute } from "@/lib/api/handler";
import { presentIssuedLink, presentLink, presentPage } from "@/lib/api/present";
import { linksCsv } from "@/lib/links/csv";
import { issueLink, issuedLinksForExport, listIssuedLinks } from "@/lib/links/service";
import { csvHeaders, wantsCsv } from "@/lib/tables/csv-http";

export const GET = apiRoute("listLinks", async ({ ctx, params, query, request }) => {
  const { page, pageSize, q, sort, dir, status, kind, role, issuer } = query;
  const filters = { status, kind, role, issuer };
  if (wantsCsv(request)) {
    const exported = await issuedLinksForExport(ctx, params.slug!, { q, sort, dir, filters });
    return new Response(linksCsv(exported.rows.map(presentLink)), { headers: csvHeaders(`${exported.eventSlug}-test-links.csv`) });
  }
  return { body: presentPage(await listIssuedLinks(ctx, params.slug!, { q, sort, dir, page, pageSize, filters }), presentLink) };
});

/** Server-side signing only: the API never takes a private key. */
export const POST = apiRoute("issueLink", async ({ ctx, params, body }) => {
  const result = await issueLink(ctx, { ...body, eventSlug: params.slug! });
  return { status: 201, body: { data: presentIssuedLink(result) } };
});
