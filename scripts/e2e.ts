/**
 * npm run test:e2e: browser tests against a production build on a fresh SQLite database.
 * Builds only when the sources changed since the last build (see scripts/lib/build-fingerprint.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureProductionBuild } from "./lib/build-fingerprint";

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
    // The test runner plays the one trusted proxy: the X-Forwarded-For it sends is the client address
    // each test appears to come from (e2e/support/fixtures.ts). e2e/hardening.spec.ts also runs 0 hops.
    TRUSTED_PROXY_HOPS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);
  await migrateDatabase(env.DATABASE_URL!, { quiet: true });

  ensureProductionBuild(env, "Building the app for the browser tests…");
  const args = process.argv.slice(2);
  const run = spawnSync("node_modules/.bin/playwright", ["test", ...args], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (run.status !== 0) process.exit(run.status ?? 1);
  if (process.env.TEST_POSTGRES_URL && args.length === 0) await runMultiInstance(env);
}

/** Two production servers on one fresh PostgreSQL database (playwright.multi-instance.config.ts). */
async function runMultiInstance(env: NodeJS.ProcessEnv) {
  const base = process.env.TEST_POSTGRES_URL!;
  const name = `jwtdash_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    await migrateDatabase(url.toString(), { quiet: true });
    console.log("Two instances on one PostgreSQL database:");
    const run = spawnSync("node_modules/.bin/playwright", ["test", "--config", "playwright.multi-instance.config.ts"], {
      stdio: "inherit",
      env: { ...env, DATABASE_URL: url.toString(), NODE_ENV: "production", E2E_PORT: "3110" },
    });
    if (run.status !== 0) process.exitCode = run.status ?? 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(() => process.exit(process.exitCode ?? 0)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
