import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { migrateDatabase } from "../lib/db/migrate";

/** Migrates one template SQLite database; each test file then works on its own copy (test/setup-database.ts). */
export default async function setup() {
  const dir = resolve(".tmp/vitest");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const template = `${dir}/template.db`;
  await migrateDatabase(`file:${template}`, { quiet: true });
  process.env.TEST_SQLITE_TEMPLATE = template;
}
