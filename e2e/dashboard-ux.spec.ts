import { mkdirSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { test, expect, signUp, createOrganization, createEvent, addField, addKeptKey, addViewer, issueLinkButton } from "./support/fixtures";
import { sidewaysOverflow } from "./support/shots";

/**
 * Issue 16, the dashboard as people use it: menus instead of sideways-scrolling navigation on a
 * phone, tables as cards, the new event's checklist, toasts for completed actions, the issued-links
 * export, an explicit Save for a member's role, the skip link. Screenshots at 1440 and 390 px land
 * in screenshots/ for people to look at.
 */
const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shootBoth(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  // From the top: sticky parts (header, the links page's side column) are then where a reader sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/ux-${name}-1440.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/ux-${name}-390.png`, fullPage: true });
  expect(await sidewaysOverflow(page), `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize(DESKTOP);
}

async function text(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}


test("a new event opens on a checklist that ticks itself as the admin adds a key, a field and a test link", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize(DESKTOP);
  await signUp(page, undefined, "Cleo Checklist");
  const org = await createOrganization(page, "Checklist Co");
  const event = await createEvent(page, org.slug, "Checklist Summit");
  const checklist = page.getByTestId("setup-checklist");
  const step = (id: string) => checklist.locator(`[data-step="${id}"]`);
  await expect(checklist).toContainText("0 of 3 done");
  for (const id of ["key", "fields", "test_link"]) await expect(step(id)).toHaveAttribute("data-done", "false");
  await expect(page.getByText("No active signing key")).toHaveCount(0); // no red alarm on a brand-new event
  await shootBoth(page, "overview-new-event");

  await addKeptKey(page, org.slug, event.slug);
  await page.goto(`/orgs/${org.slug}/events/${event.slug}`);
  await expect(step("key")).toHaveAttribute("data-done", "true");
  await expect(checklist).toContainText("1 of 3 done");

  await step("fields").getByRole("link", { name: "Configure profile fields" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/fields$`));
  await addField(page, "organization");
  // After adding a field the key input has the focus again, ready for the next one.
  await expect(page.getByRole("region", { name: "Add a field" }).getByLabel("Key")).toBeFocused();
  await expect(page.getByText("Added “organization”")).toBeVisible(); // the toast
  await page.goto(`/orgs/${org.slug}/events/${event.slug}`);
  await expect(step("fields")).toHaveAttribute("data-done", "true");

  await step("test_link").getByRole("link", { name: "Issue a test link" }).click();
  await page.getByRole("form", { name: "Issue a test link" }).getByLabel("Display name").fill("Tess Tester");
  await issueLinkButton(page).click();
  await expect(page.getByTestId("issued-link")).toBeVisible();
  await expect(page.getByText("Link issued for Tess Tester")).toBeVisible(); // the toast
  await page.goto(`/orgs/${org.slug}/events/${event.slug}`);
  // All three done: the checklist steps aside.
  await expect(checklist).toHaveCount(0);
  await expect(page.getByText("Can still sign someone in (1 issued in all)")).toBeVisible();
});

test("on a phone the navigation is a menu, the events and links tables are cards, and the warnings come before the Issue button", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize(DESKTOP);
  await signUp(page, undefined, "Pia Phone");
  const org = await createOrganization(page, "Phone Co");
  const event = await createEvent(page, org.slug, "Phone Summit");
  await addKeptKey(page, org.slug, event.slug);
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/links`);
  const form = page.getByRole("form", { name: "Issue a test link" });
  // Nothing is red before anything was typed.
  await expect(page.locator("[data-field-error]")).toHaveCount(0);
  await expect(page.getByTestId("profile-warnings").locator('[data-code="display_name_missing"]')).toHaveCount(0);
  const longName = "Maximilian ".repeat(42).trim();
  await form.getByLabel("Display name").fill(longName);
  // maxlength: the name stops at 80 characters, and the counter says so.
  await expect(form.getByLabel("Display name")).toHaveValue(longName.slice(0, 80));
  await expect(form.getByTestId("char-count").first()).toContainText("80 / 80");
  await expect(page.getByTestId("link-notes")).not.toContainText(longName.slice(0, 80));
  await expect(page.getByTestId("link-notes")).toContainText("Maximilian Maximilian Maximilian Maximi…");
  await issueLinkButton(page).click();
  await expect(page.getByTestId("issued-link")).toBeVisible();
  await page.getByRole("button", { name: "Done: issue another link" }).click();
  await form.getByLabel("Display name").fill("Short Sue");
  await form.getByRole("checkbox", { name: "Presenter" }).check();
  await issueLinkButton(page).click();
  await page.getByRole("button", { name: "Done: issue another link" }).click();
  // At 1440 px the table fits its card: nothing (the Revoke buttons) hides behind a sideways scroll.
  const tableOverflow = await page.getByRole("table", { name: "Issued test links" }).evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
  expect(tableOverflow, "the issued-links table is wider than its card").toBeLessThanOrEqual(0);
  await shootBoth(page, "links");

  await page.setViewportSize(PHONE);
  await page.reload();
  // The warnings are above the Issue button.
  const notesBox = await page.getByTestId("link-notes").boundingBox();
  const buttonBox = await issueLinkButton(page).boundingBox();
  expect(notesBox!.y).toBeLessThan(buttonBox!.y);
  // Links are cards: each value labelled, nothing clipped.
  const card = page.getByRole("row").filter({ hasText: "Short Sue" });
  await expect(card.locator('td[data-label="Status"]')).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  // The event's tabs: a menu naming the current page.
  const eventNav = page.getByRole("navigation", { name: "Event" });
  await expect(eventNav.getByRole("link", { name: "Snippets" })).toBeHidden();
  await eventNav.getByRole("button", { name: "Event: Test links" }).click();
  await expect(eventNav.getByRole("link", { name: "Snippets" })).toBeVisible();
  await eventNav.getByRole("link", { name: "Snippets" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/snippets$`));
  await expect(eventNav.getByRole("button", { name: "Event: Snippets" })).toHaveAttribute("aria-expanded", "false");

  // The organization's navigation: the same, with every item reachable.
  const orgNav = page.getByRole("navigation", { name: "Organization" });
  await orgNav.getByRole("button", { name: "Organization: Events" }).click();
  for (const name of ["Members", "Settings", "API keys", "API reference", "Audit log"]) await expect(orgNav.getByRole("link", { name, exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ux-org-menu-open-390.png` });
  await orgNav.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/audit$`));

  await page.goto(`/orgs/${org.slug}/events`);
  await expect(page.getByRole("row").filter({ hasText: "Phone Summit" }).locator('td[data-label="Slug"]')).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await shootBoth(page, "events");
});

test("the issued links export as CSV with the table's filters, and say so when filters leave nothing", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signUp(page, undefined, "Ed Export");
  const org = await createOrganization(page, "Export Co");
  const event = await createEvent(page, org.slug, "Export Day");
  await addKeptKey(page, org.slug, event.slug);
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/links`);
  await expect(page.getByText("No test links yet. Issue the first one above.")).toBeVisible();
  const form = page.getByRole("form", { name: "Issue a test link" });
  for (const [name, presenter] of [["Pat Presenter", true], ["Olga Other", false]] as const) {
    await form.getByLabel("Display name").fill(name);
    await form.getByRole("checkbox", { name: "Presenter" }).setChecked(presenter);
    await issueLinkButton(page).click();
    await page.getByRole("button", { name: "Done: issue another link" }).click();
  }
  await page.getByRole("combobox", { name: "Role" }).selectOption("presenter");
  await expect(page).toHaveURL(/role=presenter/);
  await expect(page.getByRole("row").filter({ hasText: "Olga Other" })).toHaveCount(0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${event.slug}-test-links.csv`);
  const lines = (await text(download)).trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,displayName,email,roles,kind,status,issuedAt,expiresAt,issuedBy,signedIn,kid,jti,usedAt,revokedAt,revokedBy,redemptions,lastRedeemedAt");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Pat Presenter,,presenter,one_off,active");

  // A filter with no match offers to clear the filters; without filters that offer is not made.
  await page.getByRole("combobox", { name: "Status" }).selectOption("revoked");
  await expect(page.getByText("No links match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/role=|status=/);
  await expect(page.getByRole("row").filter({ hasText: "Olga Other" })).toBeVisible();

  // A revoked link no longer claims it expires "in 5 minutes".
  await page.getByRole("row").filter({ hasText: "Olga Other" }).getByRole("button", { name: /Revoke/ }).click();
  await page.locator("dialog[open]").getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("Revoked the link for Olga Other")).toBeVisible(); // the toast
  await expect(page.getByRole("row").filter({ hasText: "Olga Other" }).locator('td[data-label="Expires"]')).toHaveText("No longer usable");
});

test("a member's role changes only with an explicit Save, never by arrow keys on the select", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signUp(page, undefined, "Rita Roles");
  const org = await createOrganization(page, "Roles Co");
  const { context, email } = await addViewer(page, browser, org.slug);
  await page.goto(`/orgs/${org.slug}/members`);
  const select = page.getByRole("combobox", { name: `Role of ${email}` });
  await expect(select).toHaveValue("viewer");
  await select.focus();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("button", { name: `Save the role of ${email}` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: `Role of ${email}` })).toHaveValue("viewer");

  await page.getByRole("combobox", { name: `Role of ${email}` }).selectOption("admin");
  await page.getByRole("button", { name: `Save the role of ${email}` }).click();
  await expect(page.getByText(`${email} is now an admin`)).toBeVisible(); // the toast
  await page.reload();
  await expect(page.getByRole("combobox", { name: `Role of ${email}` })).toHaveValue("admin");
  await context.close();
});

test("keyboard users skip to the content, durations read in human units, and the time zone shows next to UTC", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signUp(page, undefined, "Kai Keys");
  const org = await createOrganization(page, "Keyboard Co");
  const event = await createEvent(page, org.slug, "Keyboard Day");

  await page.goto(`/orgs/${org.slug}/events/${event.slug}/settings`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // Durations: 604800 s is "7 days", 300 s "5 minutes".
  await expect(page.getByLabel("Long-lived token maximum", { exact: true })).toHaveValue("7");
  await expect(page.getByRole("combobox", { name: "Long-lived token maximum: unit" })).toHaveValue("days");
  await expect(page.getByLabel("One-off link lifetime", { exact: true })).toHaveValue("5");
  await page.getByLabel("One-off link lifetime", { exact: true }).fill("90"); // minutes
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator('[data-field-error="oneOffLifetimeSeconds"]')).toHaveText("One-off link lifetime must be at most 1 hour (3600 seconds).");
  // The summary names the field by its label, not by its key.
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toContainText("One-off link lifetime must be at most 1 hour");
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).not.toContainText("oneOffLifetimeSeconds");
  await page.getByLabel("One-off link lifetime", { exact: true }).fill("10");
  await page.getByLabel("Starts: date", { exact: true }).fill("2027-04-01");
  await page.getByLabel("Starts: time", { exact: true }).fill("15:00");
  await expect(page.getByTestId("startsAt-echo")).toHaveText("1 Apr 2027, 15:00 UTC");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Event settings saved")).toBeVisible();

  // Account → Time zone: Berlin next to UTC on the overview and in the pickers.
  await page.goto("/account");
  await page.getByLabel("Show times also in").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Times now show Europe/Berlin next to UTC")).toBeVisible();
  await page.goto(`/orgs/${org.slug}/events/${event.slug}`);
  await expect(page.locator("time").filter({ hasText: "1 Apr 2027, 15:00 UTC" })).toContainText("17:00 CEST");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/settings`);
  await page.getByRole("combobox", { name: "Starts: time zone" }).selectOption("Europe/Berlin");
  await expect(page.getByLabel("Starts: time", { exact: true })).toHaveValue("17:00");
  await expect(page.getByTestId("startsAt-echo")).toHaveText("1 Apr 2027, 15:00 UTC · 17:00 CEST");
  await shootBoth(page, "event-settings");
});
