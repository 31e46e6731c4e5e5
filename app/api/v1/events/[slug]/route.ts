import { apiRoute } from "@/lib/api/handler";
import { presentEvent, presentJwksTrial } from "@/lib/api/present";
import { appUrl } from "@/lib/env";
import { deleteEvent, getEvent, patchEvent } from "@/lib/events/service";
import { setJwksUrl } from "@/lib/keys/jwks-url/service";

export const GET = apiRoute("getEvent", async ({ ctx, params }) => ({
  body: { data: presentEvent(await getEvent(ctx, params.slug!), appUrl()) },
}));

export const PATCH = apiRoute("updateEvent", async ({ ctx, params, body }) => {
  const { jwksUrl, ...fields } = body;
  // The URL first: a failed trial fetch refuses the whole request before any field changes.
  const trial = jwksUrl === undefined ? undefined : await setJwksUrl(ctx, params.slug!, jwksUrl);
  const event = Object.keys(fields).length > 0 ? await patchEvent(ctx, params.slug!, fields) : await getEvent(ctx, params.slug!);
  return { body: { data: presentEvent(event, appUrl()), ...(trial === undefined ? {} : { jwks: presentJwksTrial(trial) }) } };
});

export const DELETE = apiRoute("deleteEvent", async ({ ctx, params }) => {
  const { slug } = await deleteEvent(ctx, params.slug!, params.slug!);
  return { body: { data: { deleted: true, slug } } };
});
