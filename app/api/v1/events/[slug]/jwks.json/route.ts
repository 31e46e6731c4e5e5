import { JWKS_MAX_AGE_SECONDS } from "@/lib/keys/jwks";
import { publicJwksForEvent } from "@/lib/keys/public-jwks";
import { logUnexpected } from "@/lib/log";

export const dynamic = "force-dynamic";

/** GET /api/v1/events/{slug}/jwks.json: the event's active and retired public keys. Public, cacheable. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const jwks = slug.length <= 100 ? await publicJwksForEvent(slug) : null;
    if (!jwks) {
      return Response.json(
        { error: { code: "NOT_FOUND", message: `No event has the slug "${slug.slice(0, 100)}". Check the event's entry URL /e/{slug}.` } },
        { status: 404, headers: { "Cache-Control": "public, max-age=60" } },
      );
    }
    return Response.json(jwks, {
      headers: { "Cache-Control": `public, max-age=${JWKS_MAX_AGE_SECONDS}`, "Content-Type": "application/jwk-set+json" },
    });
  } catch (error) {
    logUnexpected("jwks", error);
    return Response.json(
      { error: { code: "INTERNAL", message: "The key set is unavailable right now. Try again in a moment." } },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}
