import { apiRoute } from "@/lib/api/handler";
import { presentInspection } from "@/lib/api/present";
import { inspectEventToken } from "@/lib/debugger/service";
import { tokenFromInput } from "@/lib/debugger/schema";

/** The dashboard's token debugger for scripts: it takes the bare token or a whole entry link, and consumes nothing. */
export const POST = apiRoute("inspectToken", async ({ ctx, params, body }) => {
  const now = new Date();
  return { body: { data: presentInspection(await inspectEventToken(ctx, params.slug!, tokenFromInput(body.token), now), now) } };
});
