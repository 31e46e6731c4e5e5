/**
 * npm run db:migration -- <name>
 * Authors a migration for BOTH providers from the current prisma/sqlite/schema.prisma: syncs the
 * PostgreSQL schema, migrates scratch databases to the committed head, lets `prisma migrate dev
 * --create-only` write the difference, and gives both folders the same name.
 * Needs a PostgreSQL server: MIGRATION_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createScratchPostgres } from "./lib/scratch-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { postgresSchemaFrom } from "@/lib/db/schema-sync";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}

function createOnly(url: string) {
  const result = spawnSync("node_modules/.bin/prisma", ["migrate", "dev", "--create-only", "--name", name!], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  // Prisma 6.19's WASM engine prints "null pointer passed to rust" after writing the file; the file is what counts.
  return `${result.stdout}\n${result.stderr}`;
}

function newestFolder(provider: string): string | undefined {
  return readdirSync(`prisma/${provider}/migrations`).filter((f) => f.endsWith(`_${name}`)).sort().pop();
}

async function main() {
  writeFileSync("prisma/postgresql/schema.prisma", postgresSchemaFrom(readFileSync("prisma/sqlite/schema.prisma", "utf8")));
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

  mkdirSync(".tmp", { recursive: true });
  rmSync(".tmp/migration-scratch.db", { force: true });
  const sqliteUrl = "file:./.tmp/migration-scratch.db";
  await migrateDatabase(sqliteUrl, { quiet: true });
  const sqliteOutput = createOnly(sqliteUrl);

  const base = process.env.MIGRATION_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const scratch = await createScratchPostgres(base, `migration_scratch_${Date.now()}`);
  let pgOutput = "";
  try {
    await migrateDatabase(scratch.url, { quiet: true });
    pgOutput = createOnly(scratch.url);
  } finally {
    await scratch.drop();
  }

  for (const [provider, output] of [["sqlite", sqliteOutput], ["postgresql", pgOutput]] as const) {
    const folder = newestFolder(provider);
    if (!folder) {
      console.error(`No ${provider} migration was written. Prisma said:\n${output}`);
      process.exit(1);
    }
    renameSync(`prisma/${provider}/migrations/${folder}`, `prisma/${provider}/migrations/${stamp}_${name}`);
    console.log(`Wrote prisma/${provider}/migrations/${stamp}_${name}/migration.sql`);
  }
  console.log("Review both files, then regenerate the clients: node scripts/generate-clients.mjs");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
