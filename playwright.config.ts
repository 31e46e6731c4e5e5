import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/browser";

const port = Number(process.env.E2E_PORT || 3100);
export const baseURL = `http://localhost:${port}`;

/**
 * Browser tests run against a production build (`next start`) on a throw-away SQLite database.
 * `npm run test:e2e` (scripts/e2e.ts) prepares the database, secrets and build, then runs this.
 */
export default defineConfig({
  testDir: "e2e",
  testIgnore: ["multi-instance/**"],
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `node_modules/.bin/next start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
