import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { databaseProviderOf, SQLITE_BUSY_TIMEOUT_MS } from "./provider";

/**
 * Both generated clients come from the same models (prisma/sqlite/schema.prisma is the source of
 * prisma/postgresql/schema.prisma), so the SQLite client's type describes either one.
 */
export type Database = SqliteClient;
export type { Prisma } from "@/generated/sqlite/client";

export function createDatabaseClient(url: string): Database {
  const provider = databaseProviderOf(url);
  if (provider === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PostgresClient({ adapter }) as unknown as Database;
}

/** Engine settings that are not part of the schema. SQLite: write-ahead log so readers never block the writer. */
export async function prepareDatabase(db: Database, url: string): Promise<void> {
  if (databaseProviderOf(url) === "sqlite") {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  }
}

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Transaction = import("@/generated/sqlite/client").Prisma.TransactionClient;
