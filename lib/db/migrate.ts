import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createDatabaseClient, prepareDatabase } from "./create-client";
import { databaseProviderOf } from "./provider";

const PRISMA_BIN = resolve(process.cwd(), "node_modules/.bin/prisma");

/**
 * Applies the committed migrations for DATABASE_URL's provider (`prisma migrate deploy` through the
 * offline WASM engine, see prisma.config.ts), then engine settings such as SQLite's WAL mode.
 */
export async function migrateDatabase(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  if (databaseProviderOf(url) === "sqlite") {
    const path = url.replace(/^file:/, "");
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const result = spawnSync(PRISMA_BIN, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim();
    throw new Error(`Applying migrations failed:\n${output}`);
  }
  if (!options.quiet) process.stdout.write(result.stdout.split("\n").filter((l) => /migration|applied|up to date/i.test(l)).join("\n") + "\n");
  const db = createDatabaseClient(url);
  try {
    await prepareDatabase(db, url);
  } finally {
    await db.$disconnect();
  }
}
