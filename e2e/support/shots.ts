import { mkdirSync } from "node:fs";
import { expect, type Page, type ViewportSize } from "@playwright/test";

const SHOTS = "screenshots";

/**
 * Screenshots a page on the desktop (at `desktop` when given, else at the page's size) and (unless
 * `phone` is false) on a 390px phone, where it must not scroll sideways; the page then gets its
 * size back. They land in screenshots/.
 */
export async function shoot(page: Page, name: string, { phone = true, fullPage = true, desktop }: { phone?: boolean; fullPage?: boolean; desktop?: ViewportSize } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize()!;
  if (desktop) await page.setViewportSize(desktop);
  // The header is sticky: scrolled, a full-page shot would paint it mid-page.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage });
  if (!phone) {
    if (desktop) await page.setViewportSize(size);
    return;
  }
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await sidewaysOverflow(page);
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage });
  await page.setViewportSize(size);
  expect(overflow, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
}

/** How many pixels the page is wider than the window (above 0, it scrolls sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
