import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { presentLink } from "@/lib/api/present";
import { linksCsv } from "@/lib/links/csv";
import { LINK_FILTERS, LINK_SORTS } from "@/lib/links/schema";
import { issuedLinksForExport } from "@/lib/links/service";
import { csvHeaders } from "@/lib/tables/csv-http";
import { parseListParams } from "@/lib/tables/list-params";
import { tenantForUser } from "@/lib/tenancy/membership";

/** The issued-links table's "Export CSV": every link its search, filters and sort select, for a signed-in member. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const user = await currentUser();
  if (!user) return new Response("Sign in to export test links.", { status: 401 });
  try {
    const ctx = await tenantForUser(user, org);
    const list = parseListParams(Object.fromEntries(new URL(request.url).searchParams.entries()), { sortable: LINK_SORTS, defaultSort: "issuedAt", defaultDir: "desc", filters: LINK_FILTERS });
    const exported = await issuedLinksForExport(ctx, slug, list);
    return new Response(linksCsv(exported.rows.map(presentLink)), { headers: csvHeaders(`${exported.eventSlug}-test-links.csv`) });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found.", { status: 404 });
    throw error;
  }
}
