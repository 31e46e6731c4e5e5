import type { ListParams } from "@/lib/tables/list-params";
import type { LinkFilter, LinkSort } from "./schema";
import { isLinkKind, isLinkStatus, statusWhere } from "./status";

/** The table's filters as one `where`; unknown filter values are ignored, as a hand-edited URL should be. */
export function linkListWhere(eventId: string, params: Pick<ListParams<LinkSort, LinkFilter>, "q" | "filters">, now: Date) {
  const { status, kind, role, issuer } = params.filters;
  const q = params.q.toLowerCase();
  return {
    eventId,
    ...(isLinkStatus(status) ? statusWhere(status, now) : {}),
    ...(isLinkKind(kind) ? { kind } : {}),
    ...(role && /^[a-z]+$/.test(role) ? { roles: { contains: `,${role},` } } : {}),
    ...(issuer ? { issuedByLabel: issuer } : {}),
    ...(q ? { nameSearch: { contains: q } } : {}),
  };
}
