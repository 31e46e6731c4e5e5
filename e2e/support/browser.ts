import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Finds a Chromium to drive: an explicit CHROMIUM_PATH, else Playwright's own download (a normal
 * developer machine), else Debian's /usr/bin/chromium (CI here). Fails with what to do otherwise.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH is set to ${explicit}, but no file is there.`);
    return explicit;
  }
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here; fall through to the system one.
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    "No Chromium found for the browser tests. Install one of: `npx playwright install chromium` (where downloads work), " +
      "`sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
}
