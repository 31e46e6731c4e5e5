/**
 * The one place that decides which database engine a URL means. SQLite is the embedded default;
 * PostgreSQL (or a compatible engine) is for several instances. Everything else is provider-neutral.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

export class UnsupportedDatabaseUrlError extends Error {
  constructor(url: string) {
    const scheme = url.split(":")[0] || "(empty)";
    super(
      `DATABASE_URL uses "${scheme}:", which this app does not support. ` +
        `Use file:./data/app.db for SQLite or postgresql://user@host:5432/db for PostgreSQL.`,
    );
    this.name = "UnsupportedDatabaseUrlError";
  }
}

export function databaseProviderOf(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new UnsupportedDatabaseUrlError(url);
}

export function schemaPathFor(provider: DatabaseProvider): string {
  return `prisma/${provider}/schema.prisma`;
}

export function migrationsPathFor(provider: DatabaseProvider): string {
  return `prisma/${provider}/migrations`;
}

/** Milliseconds a SQLite writer waits for the lock before giving up (without it, 30 of 50 parallel inserts failed with "database is locked"). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
