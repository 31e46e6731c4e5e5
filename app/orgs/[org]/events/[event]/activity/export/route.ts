import { currentUser } from "@/lib/auth/session";
import { tenantEvent } from "@/lib/events/scope";
import { attemptsForExport } from "@/lib/activity/queries";
import { attemptsCsv } from "@/lib/activity/present";
import { attemptListQuerySchema } from "@/lib/activity/schema";
import { AppError } from "@/lib/errors";
import { csvHeaders } from "@/lib/tables/csv-http";
import { tenantForUser } from "@/lib/tenancy/membership";

/** The Activity tab's "Export CSV": the filtered attempts of the window, for a signed-in member. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string; event: string }> }) {
  const { org, event: slug } = await params;
  const user = await currentUser();
  if (!user) return new Response("Sign in to export activity.", { status: 401 });
  try {
    const ctx = await tenantForUser(user, org);
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const parsed = attemptListQuerySchema.safeParse(query);
    if (!parsed.success) return new Response(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"), { status: 400 });
    const { from, to, outcome, reason, kid, source, attendee } = parsed.data;
    const filters = { outcome, reason, kid, source, attendee };
    const event = await tenantEvent(ctx, slug);
    const csv = attemptsCsv(await attemptsForExport(event.id, filters, { from, to }), new Date());
    return new Response(csv, { headers: csvHeaders(`${event.slug}-activity.csv`) });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found.", { status: 404 });
    throw error;
  }
}
