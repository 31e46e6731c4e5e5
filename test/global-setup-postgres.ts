import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate";

/**
 * A fresh PostgreSQL database per test run (dropped afterwards), migrated once; test files share it
 * and keep apart by creating their own organizations.
 */
export default async function setup() {
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `jwtdash_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString(), { quiet: true });
  process.env.TEST_DATABASE_URL = url.toString();
  return async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
}
