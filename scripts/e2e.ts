/**
 * npm run test:e2e: browser tests against a production build on a fresh SQLite database.
 * Builds only when the sources changed since the last build (see scripts/lib/build-fingerprint.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { migrateDatabase } from "@/lib/db/migrate";
import { buildIsCurrent, FINGERPRINT_FILE, sourceFingerprint } from "./lib/build-fingerprint";

const port = process.env.E2E_PORT || "3100";
const dir = ".tmp/e2e";

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:./${dir}/e2e.db`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_URL: `http://localhost:${port}`,
    E2E_PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);
  await migrateDatabase(env.DATABASE_URL!, { quiet: true });

  if (!buildIsCurrent()) {
    console.log("Building the app for the browser tests…");
    const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
  }
  const run = spawnSync("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production" },
  });
  process.exit(run.status ?? 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
