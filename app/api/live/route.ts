export const dynamic = "force-dynamic";

/**
 * Liveness: 200 as long as this process serves requests, without touching the database (that is
 * /api/health, readiness). It is also the floor the entry benchmark measures against: the cheapest
 * request this server can answer.
 */
export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
