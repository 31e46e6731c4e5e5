// Generates both Prisma clients (SQLite and PostgreSQL); lib/db/create-client.ts picks one at run
// time from DATABASE_URL. Prisma 6 needs the schema's env("DATABASE_URL") to resolve even for
// `generate` (otherwise it tries to download an engine), so each run gets a URL of its provider.
import { spawnSync } from "node:child_process";

const targets = [
  { schema: "prisma/sqlite/schema.prisma", url: "file:./data/generate.db" },
  { schema: "prisma/postgresql/schema.prisma", url: "postgresql://localhost:5432/generate" },
];

for (const { schema, url } of targets) {
  const result = spawnSync("node_modules/.bin/prisma", ["generate", "--schema", schema], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    process.exit(result.status ?? 1);
  }
  console.log(`Generated the Prisma client for ${schema}`);
}
