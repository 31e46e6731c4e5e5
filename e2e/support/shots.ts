import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

const SHOTS = "screenshots";

/**
 * Screenshots a page on the desktop and (unless `phone` is false) on a 390px phone, where it must
 * not scroll sideways. They land in screenshots/.
 */
export async function shoot(page: Page, name: string, { phone = true, fullPage = true } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  // The header is sticky: scrolled, a full-page shot would paint it mid-page.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage });
  if (!phone) return;
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage });
  await page.setViewportSize(size);
  expect(overflow, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
}
