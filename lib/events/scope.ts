import "server-only";
import { db, type Transaction } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenancy/context";
import { bumpConfigVersion } from "./config-version";

/*
 * The one tenant-event scope: every product service finds "this organization's event by slug"
 * here. Another organization's event is simply not found, whether or not it exists.
 */

export type DbClient = Transaction | typeof db;

const WITH_ORGANIZATION_FEATURES = { organization: { select: { transcriptionEnabled: true, interpretationEnabled: true } } } as const;

/** The tenant's event by slug, or NOT_FOUND. Pass the transaction when reading inside one. */
export async function tenantEvent(ctx: TenantContext, slug: string, client: DbClient = db) {
  const event = await client.event.findFirst({ where: { slug, organizationId: ctx.organizationId }, include: WITH_ORGANIZATION_FEATURES });
  if (!event) throw notFound("Event");
  return event;
}

/** The event row with its organization's feature flags (see lib/events/policy.ts for policy and features). */
export type TenantEvent = Awaited<ReturnType<typeof tenantEvent>>;

/**
 * The tenant's event, locked for a change the entry caches: bumps configVersion first in the
 * transaction (see bumpConfigVersion), so what the transaction reads next is current.
 */
export async function lockTenantEvent(tx: Transaction, ctx: TenantContext, slug: string): Promise<TenantEvent> {
  const event = await tenantEvent(ctx, slug, tx);
  await bumpConfigVersion(tx, event.id);
  return event;
}
