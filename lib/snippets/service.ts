import "server-only";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { tenantEvent } from "@/lib/events/scope";
import { privateKeyFileName } from "@/lib/keys/generate";
import { shortKid } from "@/lib/keys/identity";
import { listProfileFields } from "@/lib/profile/service";
import type { TenantContext } from "@/lib/tenancy/context";
import { describeSnippets, type SnippetDescription } from "./description";
import { buildSnippets, type Snippet } from "./languages";

export interface EventSnippets {
  description: SnippetDescription;
  snippets: Snippet[];
  /** The key the snippets name (the most recently activated active key), or null without one. */
  key: { kid: string; shortKid: string; label: string | null; keepsPrivateKey: boolean } | null;
  activeKeyCount: number;
}

/** The integration snippets for one event, filled in with its entry URL, active key and profile fields. */
export async function snippetsForEvent(ctx: TenantContext, eventSlug: string): Promise<EventSnippets> {
  const event = await tenantEvent(ctx, eventSlug);
  const [fields, keys] = await Promise.all([
    listProfileFields(ctx, eventSlug),
    db.signingKey.findMany({
      where: { eventId: event.id, status: "active" },
      select: { kid: true, hostKid: true, label: true, encryptedPrivateKey: true, source: true },
      orderBy: [{ activatedAt: "desc" }, { createdAt: "desc" }],
    }),
  ]);
  const newest = keys[0];
  const description = describeSnippets({
    eventName: event.name,
    entryBaseUrl: appUrl(),
    eventSlug: event.slug,
    // The host's own kid when the key has one: that is what its tokens already carry.
    kid: newest ? (newest.hostKid ?? newest.kid) : null,
    fields,
    // A key generated here was downloaded under its own name: the snippet reads that file.
    privateKeyFile: newest?.source === "generated" ? `./${privateKeyFileName(event.slug, newest.kid)}` : undefined,
  });
  return {
    description,
    snippets: buildSnippets(description),
    key: newest ? { kid: newest.kid, shortKid: shortKid(newest.kid), label: newest.label, keepsPrivateKey: newest.encryptedPrivateKey !== null } : null,
    activeKeyCount: keys.length,
  };
}
