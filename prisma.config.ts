import nextEnv from "@next/env";

const { loadEnvConfig } = nextEnv;
import { defineConfig } from "prisma/config";
import { cliAdapterFor } from "./lib/db/cli-adapter";
import { databaseProviderOf, DEFAULT_DATABASE_URL, migrationsPathFor, schemaPathFor } from "./lib/db/provider";

// Same .env files as Next itself reads, so the CLI and the app agree on DATABASE_URL.
loadEnvConfig(process.cwd());

const url = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
const provider = databaseProviderOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPathFor(provider),
  migrations: { path: migrationsPathFor(provider) },
  adapter: async () => cliAdapterFor(url),
});
