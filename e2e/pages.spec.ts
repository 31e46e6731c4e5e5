import { mkdirSync } from "node:fs";
import { test, expect, signUp, createOrganization, createEvent } from "./support/fixtures";
import type { Page } from "@playwright/test";

/**
 * Every dashboard page renders its heading and fits a phone screen without sideways scrolling.
 * Screenshots land in screenshots/ (git-ignored) for people to look at.
 */
const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });

async function check(page: Page, name: string, heading: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(overflow, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
}

test("dashboard pages render and fit a phone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/sign-in");
  await check(page, "sign-in", "Sign in");
  await page.goto("/sign-up");
  await check(page, "sign-up", "Create an account");

  await signUp(page, undefined, "Ada Admin");
  await page.goto("/orgs");
  await check(page, "orgs", "Your organizations");
  const org = await createOrganization(page, "Acme Virtual Events");
  for (const name of ["Spring Summit", "Partner Day", "Investor Update"]) await createEvent(page, org.slug, name);
  const event = await createEvent(page, org.slug, "Autumn Conference 2027");

  await page.goto(`/orgs/${org.slug}/events`);
  await check(page, "events", "Events");
  await page.goto(`/orgs/${org.slug}/events/new`);
  await check(page, "event-new", "New event");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}`);
  await check(page, "event-overview", "Autumn Conference 2027");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/settings`);
  await check(page, "event-settings", "Autumn Conference 2027");
  await page.getByRole("button", { name: "Delete event" }).click();
  await page.screenshot({ path: `${SHOTS}/event-delete-dialog.png` });
  await page.keyboard.press("Escape");

  await page.goto(`/orgs/${org.slug}/members`);
  await page.getByLabel("Email").fill("colleague@example.com");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByTestId("invitation-link")).toBeVisible();
  await check(page, "members", "Members");
  const invitation = await page.getByTestId("invitation-link").textContent();

  await page.goto(`/orgs/${org.slug}/settings`);
  await check(page, "org-settings", "Organization settings");
  await page.goto(`/orgs/${org.slug}/api-keys`);
  await check(page, "api-keys", "API keys");
  await page.goto(`/orgs/${org.slug}/api`);
  await check(page, "api-reference", "API reference");
  await page.goto(`/orgs/${org.slug}/audit`);
  await check(page, "audit", "Audit log");

  await page.context().clearCookies();
  await page.goto(new URL(invitation!).pathname);
  await check(page, "invitation", /Join Acme Virtual Events/);
  const missing = await page.goto(`/orgs/${org.slug}/events/nope`);
  expect(missing?.status()).toBe(200); // signed out: redirected to sign-in
  await expect(page).toHaveURL(/sign-in/);
});
