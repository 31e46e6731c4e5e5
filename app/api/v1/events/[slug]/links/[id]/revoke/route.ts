import { apiRoute } from "@/lib/api/handler";
import { presentLink } from "@/lib/api/present";
import { revokeLink } from "@/lib/links/service";

export const POST = apiRoute("revokeLink", async ({ ctx, params }) => ({
  body: { data: presentLink(await revokeLink(ctx, params.slug!, params.id!)) },
}));
