import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/browser";

/**
 * Two production servers on different ports against ONE PostgreSQL database, as two instances
 * behind a load balancer would be. scripts/e2e.ts runs this when TEST_POSTGRES_URL is set, with
 * DATABASE_URL pointing at a fresh database.
 */
export const INSTANCE_A = "http://localhost:3110";
export const INSTANCE_B = "http://localhost:3111";

const server = (url: string) => ({
  command: `node_modules/.bin/next start -p ${new URL(url).port}`,
  url: `${url}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: { ...(process.env as Record<string, string>), BETTER_AUTH_URL: INSTANCE_A, TRUSTED_ORIGINS: `${INSTANCE_A},${INSTANCE_B}` },
});

export default defineConfig({
  testDir: "e2e/multi-instance",
  outputDir: "test-results/multi-instance",
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: INSTANCE_A,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  webServer: [server(INSTANCE_A), server(INSTANCE_B)],
});
