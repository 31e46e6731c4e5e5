/**
 * npm run cli -- <command> [options]
 * Bootstrap and scripting: create admins, apply migrations, seed the demo. Reads the same .env files as the app.
 */
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

const { loadEnvConfig } = nextEnv;
import { ZodError } from "zod";
import { createAdmin, seedDemo } from "@/lib/accounts/bootstrap";
import { createOrganizationApiKey } from "@/lib/api-keys/create";
import { createAuth } from "@/lib/auth/config";
import { createDatabaseClient } from "@/lib/db/create-client";
import { databaseProviderOf } from "@/lib/db/provider";
import { migrateDatabase } from "@/lib/db/migrate";
import { appUrl, databaseUrl } from "@/lib/env";
import { describePruneReport, pruneExpiredRows } from "@/lib/hygiene/prune";

loadEnvConfig(process.cwd());

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                      Apply database migrations to DATABASE_URL (SQLite file: or postgresql://).
  create-admin                 Create (or promote) an organization owner; creates the user and organization if missing.
      --email <email>          Required. The admin's sign-in email.
      --password <password>    Required for a new user, at least 10 characters.
      --org <slug>             Required. Organization slug (lowercase letters, digits, hyphens).
      --org-name <name>        Organization display name for a new organization (default: the slug).
      --name <name>            The admin's display name (default: the part of the email before @).
  api-key create               Create an organization API key for scripts; prints the key once.
      --org <slug>             Required. The organization.
      --name <name>            Required. Which script or system uses it.
      --role admin|viewer      admin (read and change) or viewer (read only, the default).
  seed-demo                    Seed the demo organization, event and admin into an empty database.
      --password <password>    Required. The demo admin's password.
  prune                        Delete, in batches, expired attendee sessions, spent host-jti claims and
                               rate-limit rows, and entry attempts past each organization's retention
                               (the server also does this every 10 minutes).
  help                         Show this text.

Environment: DATABASE_URL (default file:./data/dev.db).`;

function fail(message: string): never {
  console.error(`Error: ${message}\n\nRun "npm run cli -- help" for usage.`);
  process.exit(2);
}

async function main(argv: string[]) {
  const [first, ...afterFirst] = argv;
  // Two-word commands ("api-key create") are joined into one name.
  const [command, rest] = first === "api-key" ? [`api-key ${afterFirst[0] ?? ""}`.trim(), afterFirst.slice(1)] : [first, afterFirst];
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return;
  }
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        password: { type: "string" },
        org: { type: "string" },
        "org-name": { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
      },
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    fail((error as Error).message);
  }
  const url = databaseUrl();
  switch (command) {
    case "migrate": {
      await migrateDatabase(url);
      console.log(`Database at ${url.startsWith("file:") ? url : url.replace(/\/\/[^@]*@/, "//…@")} is up to date.`);
      return;
    }
    case "create-admin": {
      if (!values.email) fail("--email is required");
      if (!values.org) fail("--org is required");
      if (!values.password) fail("--password is required");
      const db = createDatabaseClient(url);
      try {
        const result = await createAdmin(db, {
          email: values.email,
          password: values.password,
          name: values.name,
          org: values.org,
          orgName: values["org-name"],
        });
        console.log(
          [
            result.userCreated ? `Created user ${values.email}.` : `User ${values.email} already existed (password unchanged).`,
            result.organizationCreated ? `Created organization "${values.org}".` : `Organization "${values.org}" already existed.`,
            `${values.email} is an owner of "${values.org}".`,
          ].join("\n"),
        );
      } finally {
        await db.$disconnect();
      }
      return;
    }
    case "prune": {
      const db = createDatabaseClient(url);
      try {
        const report = await pruneExpiredRows(db, new Date());
        console.log(`Pruned ${describePruneReport(report)}.`);
      } finally {
        await db.$disconnect();
      }
      return;
    }
    case "api-key create": {
      if (!values.org) fail("--org is required");
      if (!values.name) fail("--name is required");
      const role = values.role ?? "viewer";
      if (role !== "admin" && role !== "viewer") fail('--role must be "admin" or "viewer"');
      const db = createDatabaseClient(url);
      try {
        const organization = await db.organization.findUnique({ where: { slug: values.org } });
        if (!organization) fail(`no organization with slug "${values.org}"`);
        const owner = await db.member.findFirst({ where: { organizationId: organization.id, role: "owner" }, orderBy: { createdAt: "asc" } });
        if (!owner) fail(`organization "${values.org}" has no owner`);
        const auth = createAuth({ db, provider: databaseProviderOf(url), baseURL: appUrl() });
        const created = await createOrganizationApiKey(auth, db, {
          organizationId: organization.id,
          creatorUserId: owner.userId,
          actor: { type: "system", id: null, label: "cli" },
          name: values.name,
          role,
        });
        console.log(`Created ${role} API key "${created.name}" for ${values.org}. It is shown only this once:\n\n${created.key}\n`);
      } finally {
        await db.$disconnect();
      }
      return;
    }
    case "api-key":
      fail('use "api-key create"');
    case "seed-demo": {
      if (!values.password) fail("--password is required");
      const db = createDatabaseClient(url);
      try {
        const { seeded } = await seedDemo(db, values.password);
        console.log(seeded ? "Seeded the demo organization, event and admin." : "The database already has users; nothing was seeded.");
      } finally {
        await db.$disconnect();
      }
      return;
    }
    default:
      fail(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ZodError) {
    const flag = (path: PropertyKey[]) => `--${String(path[0] ?? "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    fail(error.issues.map((i) => `${flag(i.path)}: ${i.message}`).join("\n       "));
  }
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
