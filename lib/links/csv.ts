import { toCsv } from "@/lib/tables/csv";
import type { ApiLink } from "@/lib/api/schemas";

/** The most rows one CSV export holds; the table's filters narrow a larger event. */
export const LINK_EXPORT_LIMIT = 100_000;

/** The columns of the issued-links CSV: the API's names for the same values, roles joined by spaces. */
export const LINK_CSV_COLUMNS = [
  "id",
  "displayName",
  "email",
  "roles",
  "kind",
  "status",
  "issuedAt",
  "expiresAt",
  "issuedBy",
  "signedIn",
  "kid",
  "jti",
  "usedAt",
  "revokedAt",
  "revokedBy",
  "redemptions",
  "lastRedeemedAt",
] as const;

/** Issued links as CSV, in the order given: the table's export and the API's `Accept: text/csv`. Never a token. */
export function linksCsv(links: readonly ApiLink[]): string {
  return toCsv(
    LINK_CSV_COLUMNS,
    links.map((link) => ({
      id: link.id,
      displayName: link.displayName,
      email: link.email,
      roles: link.roles.join(" "),
      kind: link.kind,
      status: link.status,
      issuedAt: link.issuedAt,
      expiresAt: link.expiresAt,
      issuedBy: link.issuedBy,
      signedIn: link.signedIn,
      kid: link.kid,
      jti: link.jti,
      usedAt: link.usedAt,
      revokedAt: link.revokedAt,
      revokedBy: link.revokedBy,
      redemptions: link.redemptions,
      lastRedeemedAt: link.lastRedeemedAt,
    })),
  );
}
