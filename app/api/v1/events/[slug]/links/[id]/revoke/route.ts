import { apiRoute } from "@/lib/api/handler";
import { presentLink } from "@/lib/links/api";
import { revokeLink } from "@/lib/links/service";

export const POST = apiRoute("revokeLink", { role: "admin" }, async ({ ctx, params }) => ({
  body: { data: presentLink(await revokeLink(ctx, params.slug!, params.id!)) },
}));
