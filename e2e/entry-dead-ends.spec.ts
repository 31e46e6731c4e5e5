import { mkdirSync } from "node:fs";
import { test, expect, signUp, createOrganization, createEvent, addHostKey, addKeptKey, addField, hostToken, issueOneOffLink, newClientPage, BASE_URL } from "./support/fixtures";

/**
 * Where an attendee could get stuck at the entry: a one-time link reopened after it signed them in,
 * a phone that cannot hover, and addresses that used to crash the entry or inject into its headers.
 */
const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a used one-off link reopened in the browser it signed in leads to the lobby: You're already in", async ({ page, browser }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Reopened Links");
  await addKeptKey(page, org.slug, event.slug);
  const url = await issueOneOffLink(page, org.slug, event.slug, "Rhea Reopen");

  const tab = await newClientPage(browser);
  await tab.goto(url);
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/continue$`));
  // The page shows the entry's preview decision: the name and the event, nothing used up yet.
  await expect(tab.getByTestId("continue-name")).toHaveText("Rhea Reopen");
  await expect(tab.getByRole("heading", { name: "Join Reopened Links" })).toBeVisible();
  await tab.getByRole("button", { name: "Continue as Rhea Reopen" }).click();
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/lobby$`));
  await expect(tab.getByTestId("already-in")).toHaveCount(0);

  // The attendee clicks the same link in their mail again, in the same browser.
  const again = await tab.goto(url);
  expect(again?.status()).toBe(200);
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/lobby\\?already-in=1$`));
  await expect(tab.getByTestId("already-in")).toContainText("You're already in.");
  await expect(tab.getByRole("heading", { name: "Welcome, Rhea Reopen" })).toBeVisible();
  await tab.screenshot({ path: `${SHOTS}/attendee-already-in-desktop.png`, fullPage: true });

  // Anyone else who opens it meets the used link, as before.
  const otherTab = await newClientPage(browser);
  const response = await otherTab.goto(url);
  expect(response?.status()).toBe(409);
  await expect(otherTab.getByTestId("reason-code")).toHaveText("already_used");

  // After leaving, the link no longer leads back in.
  await tab.goto(`/e/${event.slug}/lobby`);
  await tab.getByRole("button", { name: "Leave the event" }).click();
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/met$`));
  expect((await tab.goto(url))?.status()).toBe(409);
  await tab.context().close();
  await otherTab.context().close();
});

test("the lobby tells a touch screen to tap the tile and a mouse to hover it", async ({ page, browser }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Touch Lobby");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/fields`);
  await addField(page, "organization");
  await addField(page, "title");
  const key = await addHostKey(page, org.slug, event.slug);
  const token = () => hostToken(key, { displayName: "Tia Touch", userProfile: [["organization", "Acme"], ["title", "CTO"]] });

  const phoneTab = await newClientPage(browser, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await phoneTab.goto(`${BASE_URL}/e/${event.slug}?token=${token()}`);
  const hint = phoneTab.getByTestId("tile-hint");
  await expect(hint.getByText("Tap it to see the rest of your profile.")).toBeVisible();
  await expect(hint.getByText(/Hover/)).toBeHidden();
  await phoneTab.getByTestId("stream-tile").tap();
  await expect(phoneTab.getByTestId("stream-tile")).toContainText("CTO");
  await phoneTab.screenshot({ path: `${SHOTS}/attendee-lobby-touch-phone.png`, fullPage: true });

  const desktopTab = await newClientPage(browser);
  await desktopTab.goto(`${BASE_URL}/e/${event.slug}?token=${token()}`);
  await expect(desktopTab.getByTestId("tile-hint").getByText("Hover over it (or focus it) to see the rest of your profile.")).toBeVisible();
  await expect(desktopTab.getByTestId("tile-hint").getByText(/Tap it/)).toBeHidden();
  await phoneTab.context().close();
  await desktopTab.context().close();
});

test("addresses that are no event slug get the 404 event_not_found page, with nothing injected", async ({ page }) => {
  for (const path of ["/e/%ZZ", "/e/%ZZ/continue", "/e/%ZZ/lobby", "/e/x%0d%0aX-Injected:%201?token=a.b.c", "/e/x%3B%20Domain%3Devil.example?token=a.b.c"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    const headers = await response!.allHeaders();
    expect(headers["x-injected"], path).toBeUndefined();
    expect(headers["set-cookie"], path).toBeUndefined();
    await expect(page.getByTestId("reason-code"), path).toHaveText("event_not_found");
  }
  await page.screenshot({ path: `${SHOTS}/attendee-event-not-found-desktop.png`, fullPage: true });
});
