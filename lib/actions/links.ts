"use server";

import { orgAction } from "./safe-action";
import { issueLinkSchema, recordBrowserLinkSchema, revokeAllLinksSchema, revokeLinkSchema } from "@/lib/links/schema";
import { issueLink, recordBrowserSignedLink, revokeAllActiveLinks, revokeLink } from "@/lib/links/service";

/**
 * Test-link actions (admins only). Only issueLinkAction returns a token: the one time it is shown.
 * recordBrowserLinkAction receives metadata only; the browser that signed keeps the token.
 */
export const issueLinkAction = orgAction("issueLink", { schema: issueLinkSchema, role: "admin" }, async (input, ctx) => {
  const { link, token, url } = await issueLink(ctx, input);
  return { token, url, link: { id: link.id, kind: link.kind, kid: link.kid, expiresAt: link.expiresAt.toISOString(), displayName: link.displayName } };
});

export const recordBrowserLinkAction = orgAction("recordBrowserLink", { schema: recordBrowserLinkSchema, role: "admin" }, async (input, ctx) => {
  const link = await recordBrowserSignedLink(ctx, input);
  return { link: { id: link.id, kind: link.kind, kid: link.kid, expiresAt: link.expiresAt.toISOString(), displayName: link.displayName } };
});

export const revokeLinkAction = orgAction("revokeLink", { schema: revokeLinkSchema, role: "admin" }, async (input, ctx) => {
  const link = await revokeLink(ctx, input.eventSlug, input.linkId);
  return { id: link.id, revokedAt: link.revokedAt?.toISOString() ?? null };
});

export const revokeAllLinksAction = orgAction("revokeAllLinks", { schema: revokeAllLinksSchema, role: "admin" }, async (input, ctx) =>
  revokeAllActiveLinks(ctx, input.eventSlug),
);
