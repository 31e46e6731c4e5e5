import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const resolve = {
  alias: {
    "@/": root,
    "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
  },
};

/**
 * Pure tests (`*.test.ts`) run once. Database tests (`*.db.test.ts`) run on SQLite, and again on
 * PostgreSQL when TEST_POSTGRES_URL is set (CI sets it to the machine's PostgreSQL).
 */
const databaseProject = (name: string, globalSetup: string) => ({
  resolve,
  test: {
    name,
    include: ["lib/**/*.db.test.ts", "test/**/*.db.test.ts"],
    environment: "node",
    globalSetup,
    setupFiles: ["test/far-wall-clock.ts", "test/setup-database.ts"],
    // Every project's global setup runs in the one main process, so TEST_DATABASE_URL (set by the
    // PostgreSQL one) reaches the SQLite project's workers too: this says which database is theirs.
    env: { TEST_DATABASE_PROVIDER: name },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["test/far-wall-clock.ts"],
          testTimeout: 30_000,
        },
      },
      databaseProject("sqlite", "test/global-setup-sqlite.ts"),
      ...(process.env.TEST_POSTGRES_URL ? [databaseProject("postgres", "test/global-setup-postgres.ts")] : []),
    ],
  },
});
