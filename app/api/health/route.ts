import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For load balancers and deploy checks: 200 when this instance can reach its database, 503 otherwise. */
export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
