import { apiRoute } from "@/lib/api/handler";
import { presentIssuedLink, presentLink, presentPage } from "@/lib/api/present";
import { issueLink, listIssuedLinks } from "@/lib/links/service";

export const GET = apiRoute("listLinks", async ({ ctx, params, query }) => {
  const { page, pageSize, q, sort, dir, status, kind, role, issuer } = query;
  const result = await listIssuedLinks(ctx, params.slug!, { q, sort, dir, page, pageSize, filters: { status, kind, role, issuer } });
  return { body: presentPage(result, presentLink) };
});

/** Server-side signing only: the API never takes a private key. */
export const POST = apiRoute("issueLink", async ({ ctx, params, body }) => {
  const result = await issueLink(ctx, { ...body, eventSlug: params.slug! });
  return { status: 201, body: { data: presentIssuedLink(result) } };
});
