import { copyFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

/**
 * Runs before each database test file's imports: points DATABASE_URL at this file's own copy of the
 * migrated SQLite template, or at the run's PostgreSQL database.
 */
if (process.env.TEST_DATABASE_PROVIDER === "postgres") {
  if (!process.env.TEST_DATABASE_URL) throw new Error("test/global-setup-postgres.ts did not run");
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  const template = process.env.TEST_SQLITE_TEMPLATE;
  if (!template) throw new Error("test/global-setup-sqlite.ts did not run");
  const copy = template.replace(/template\.db$/, `file-${randomBytes(6).toString("hex")}.db`);
  copyFileSync(template, copy);
  process.env.DATABASE_URL = `file:${copy}`;
}
process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
