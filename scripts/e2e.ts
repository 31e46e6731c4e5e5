/**
 * npm run test:e2e: browser tests against a production build on a fresh SQLite database.
 * Builds only when the sources changed since the last build (see scripts/lib/build-fingerprint.ts).
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureProductionBuild } from "./lib/build-fingerprint";
import { createScratchPostgres } from "./lib/scratch-postgres";
import { startSmtpPeer } from "../test/smtp-peer";

const port = process.env.E2E_PORT || "3100";
const dir = ".tmp/e2e";
/** Mail the app sends during the run is delivered to a real SMTP server started here and kept as .eml files (e2e/support/mail.ts reads them). */
const E2E_MAIL_DIR = `${dir}/mail`;
const smtpPort = Number(process.env.E2E_SMTP_PORT || Number(port) + 20);

/** Runs a command without blocking this process (the SMTP peer lives here), resolving with its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const peer = await startSmtpPeer({ port: smtpPort, dir: E2E_MAIL_DIR }).catch((error: Error) => {
    throw new Error(`Could not start the test SMTP server on port ${smtpPort} (${error.message}); set E2E_SMTP_PORT to a free port.`);
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SMTP_URL: peer.url,
    MAIL_FROM: "Event sign-in <no-reply@example.com>",
    E2E_MAIL_DIR,
    DATABASE_URL: `file:./${dir}/e2e.db`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_URL: `http://localhost:${port}`,
    E2E_PORT: port,
    // The test runner plays the one trusted proxy: the X-Forwarded-For it sends is the client address
    // each test appears to come from (e2e/support/fixtures.ts). e2e/hardening.spec.ts also runs 0 hops.
    TRUSTED_PROXY_HOPS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // The JWKS-URL tests serve their JWKS over http from 127.0.0.1: only ever for tests and local development.
    JWKS_ALLOW_INSECURE_HOSTS: "true",
  };
  Object.assign(process.env, env);
  await migrateDatabase(env.DATABASE_URL!, { quiet: true });

  ensureProductionBuild(env, "Building the app for the browser tests…");
  const args = process.argv.slice(2);
  // `npm run test:e2e -- --multi-instance` runs only the two-instance PostgreSQL part.
  const onlyMultiInstance = args[0] === "--multi-instance";
  if (onlyMultiInstance && !process.env.TEST_POSTGRES_URL) throw new Error("--multi-instance needs TEST_POSTGRES_URL (a PostgreSQL server to create a throw-away database on).");
  try {
    if (!onlyMultiInstance) {
      const status = await run("node_modules/.bin/playwright", ["test", ...args], { ...env, NODE_ENV: "production" });
      if (status !== 0) process.exit(status);
    }
    if (process.env.TEST_POSTGRES_URL && (args.length === 0 || onlyMultiInstance)) await runMultiInstance(env);
  } finally {
    await peer.close();
  }
}

/** Two production servers on one fresh PostgreSQL database (playwright.multi-instance.config.ts). */
async function runMultiInstance(env: NodeJS.ProcessEnv) {
  const { url, drop } = await createScratchPostgres(process.env.TEST_POSTGRES_URL!, `jwtdash_e2e_${Date.now()}`);
  try {
    await migrateDatabase(url, { quiet: true });
    console.log("Two instances on one PostgreSQL database:");
    const status = await run("node_modules/.bin/playwright", ["test", "--config", "playwright.multi-instance.config.ts"], {
      ...env,
      DATABASE_URL: url,
      NODE_ENV: "production",
      E2E_PORT: "3110",
    });
    if (status !== 0) process.exitCode = status;
  } finally {
    await drop();
  }
}

main().then(() => process.exit(process.exitCode ?? 0)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
