import { randomBytes } from "node:crypto";
import { migrateDatabase } from "../lib/db/migrate";
import { createScratchPostgres } from "../scripts/lib/scratch-postgres";

/**
 * A fresh PostgreSQL database per test run (dropped afterwards), migrated once; test files share it
 * and keep apart by creating their own organizations.
 */
export default async function setup() {
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error("TEST_POSTGRES_URL is not set");
  const { url, drop } = await createScratchPostgres(base, `jwtdash_test_${Date.now()}_${randomBytes(3).toString("hex")}`);
  await migrateDatabase(url, { quiet: true });
  process.env.TEST_DATABASE_URL = url;
  return drop;
}
