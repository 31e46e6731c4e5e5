/**
 * npm run demo: the zero-config start. Creates local secrets if none are set, applies migrations to
 * an embedded SQLite database, seeds a demo organization, event and admin on first run, builds if
 * the sources changed, and serves on PORT (default 3000). Running it again keeps the data.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import nextEnv from "@next/env";

const { loadEnvConfig } = nextEnv;
import { DEMO, seedDemo } from "@/lib/accounts/bootstrap";
import { createDatabaseClient } from "@/lib/db/create-client";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureProductionBuild } from "./lib/build-fingerprint";
import { ensureLocalEnv, randomPassword, randomSecret } from "./lib/local-env";

const port = Number(process.env.PORT || 3000);

const { created } = ensureLocalEnv({
  DATABASE_URL: () => "file:./data/demo.db",
  BETTER_AUTH_SECRET: () => randomSecret(32),
  KEY_ENCRYPTION_KEY: () => randomSecret(32),
  DEMO_ADMIN_PASSWORD: () => randomPassword(),
});
if (created.length > 0) console.log(`• Wrote ${created.join(", ")} to .env.local (git-ignored).`);
loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error }, true);

const url = process.env.DATABASE_URL!;
const baseUrl = process.env.BETTER_AUTH_URL || `http://localhost:${port}`;

/** Whether something already listens on the port (most likely the demo itself, started earlier). */
function portInUse(value: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(true))
      .once("listening", () => probe.close(() => resolve(false)))
      .listen(value);
  });
}

async function main() {
  if (await portInUse(port)) {
    console.error(`Port ${port} is already in use – is the demo already running? Stop it (Ctrl+C in its terminal), or start on another port: PORT=3001 npm run demo`);
    process.exit(1);
  }
  console.log(`• Database: ${url}`);
  await migrateDatabase(url, { quiet: true });
  const db = createDatabaseClient(url);
  try {
    const { seeded } = await seedDemo(db, process.env.DEMO_ADMIN_PASSWORD!);
    console.log(seeded ? "• Seeded the demo organization, event and admin." : "• Existing data kept.");
  } finally {
    await db.$disconnect();
  }

  ensureProductionBuild(process.env, "• Building the app (about a minute the first time)…");

  const server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    stdio: ["inherit", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_URL: baseUrl,
      // Without an SMTP server, mail goes to the dashboard's outbox and this console.
      ...(process.env.SMTP_URL ? {} : { MAIL_OUTBOX: "1" }),
    },
  });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(
        [
          "",
          "────────────────────────────────────────────────────────",
          `  Dashboard:  ${baseUrl}`,
          `  Sign in:    ${DEMO.adminEmail}`,
          `  Password:   ${process.env.DEMO_ADMIN_PASSWORD}   (from .env.local, DEMO_ADMIN_PASSWORD)`,
          `  Demo event: ${baseUrl}/orgs/${DEMO.orgSlug}/events/${DEMO.eventSlug}`,
          process.env.SMTP_URL
            ? "  Mail:       sent through SMTP_URL."
            : `  Mail:       no SMTP_URL, so mails are printed here and kept in ${baseUrl}/orgs/${DEMO.orgSlug}/outbox`,
          "  Stop with Ctrl+C; run `npm run demo` again to resume with the same data.",
          "────────────────────────────────────────────────────────",
          "",
        ].join("\n"),
      );
    }
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
