import "server-only";
import { db } from "@/lib/db";
import { databaseProviderOf } from "@/lib/db/provider";
import { databaseUrl } from "@/lib/env";

type Row = Record<string, string | number | Date | null>;

/**
 * This database's bind parameters for one statement: `$n` (1-based) on PostgreSQL, `?` on SQLite.
 * Decided once per statement, not per parameter: a batch of the entry's rows has thousands.
 */
export function placeholders(): (n: number) => string {
  return databaseProviderOf(databaseUrl()) === "postgresql" ? (n) => `$${n}` : () => "?";
}

/**
 * One multi-row INSERT as plain SQL, the same on SQLite and PostgreSQL, for the entry's batched
 * writes behind requests (sessions, attempts, per-minute counters). Prisma's createMany compiles a
 * new query plan for every batch size and wraps it in a transaction; at an event's start that was
 * a quarter of the server's CPU (README, "Where the time went"). Every row must have the same
 * columns, including the id (Prisma's `@default(cuid())` is applied by the client, not the database).
 * `onConflict` is appended verbatim: it is always a constant of the caller's, never input.
 */
export async function insertRows(table: string, rows: readonly Row[], onConflict = ""): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const placeholder = placeholders();
  const params: Row[string][] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => (params.push(row[column] ?? null), placeholder(params.length))).join(", ")})`);
  await db.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")} ${onConflict}`, ...params);
}
