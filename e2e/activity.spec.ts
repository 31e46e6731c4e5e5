import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import type { Browser } from "@playwright/test";
import { test, expect, signUp, createOrganization, createEvent, addHostKey, hostToken } from "./support/fixtures";

const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });

/** An attendee arriving with a token in their own browser (own cookies, own network). */
async function arrive(browser: Browser, slug: string, token: string, network: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": network } });
  const tab = await context.newPage();
  const response = await tab.goto(`/e/${slug}?token=${token}`);
  return { context, tab, status: response?.status() };
}

function tamper(token: string, name: string) {
  const [header, payload, signature] = token.split(".");
  const forged = { ...JSON.parse(Buffer.from(payload!, "base64url").toString()), displayName: name };
  return `${header}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
}

// Many browsers and a live page on a shared machine: these take longer than the default minute.
test.describe.configure({ timeout: 180_000 });

test("the Activity tab shows who got in and who was refused, with reasons, charts and a diagnosis, and updates live", async ({ page, browser }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Launch Day");
  const key = await addHostKey(page, org.slug, event.slug);

  const contexts = [];
  for (const [i, name] of ["Ann Arbor", "Bob Belcher", "Cy Twombly"].entries()) {
    const visit = await arrive(browser, event.slug, hostToken(key, { displayName: name, email: `${name.split(" ")[0]!.toLowerCase()}@example.com` }, { jti: randomUUID() }), `10.20.${i}.5`);
    await expect(visit.tab).toHaveURL(/\/lobby$/);
    contexts.push(visit.context);
  }
  const expired = await arrive(browser, event.slug, hostToken(key, { displayName: "Late Larry", iat: Math.floor(Date.now() / 1000) - 900 }, { expiresIn: 300 }), "10.30.0.7");
  expect(expired.status).toBe(401);
  const tampered = await arrive(browser, event.slug, tamper(hostToken(key, { displayName: "Mallory" }), "Mallory the Admin"), "10.30.0.8");
  expect(tampered.status).toBe(401);
  contexts.push(expired.context, tampered.context);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/orgs/${org.slug}/events/${event.slug}`);
  await page.getByRole("navigation", { name: "Event" }).getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/activity$`));
  // Attempts are written in batches within a second; the live tab picks them up by itself.
  await expect(page.getByTestId("total-signed-in")).toHaveText("3", { timeout: 15_000 });
  await expect(page.getByTestId("total-refused")).toHaveText("2");
  await expect(page.getByTestId("total-attendees")).toHaveText("3");
  await expect(page.getByTestId("total-refusal-rate")).toHaveText("40 %");
  await expect(page.getByTestId("total-in-event")).toHaveText("3");

  const table = page.getByRole("table", { name: "Entry attempts, newest first" });
  await expect(table.locator('[data-outcome="refused"]')).toHaveCount(2);
  await expect(table.getByText("expired", { exact: true })).toBeVisible();
  await expect(table.getByText("bad_signature", { exact: true })).toBeVisible();
  await expect(table.getByText("The token was changed after it was signed")).toBeVisible();
  await expect(table.getByText("Late Larry")).toBeVisible(); // verified signature, refused later: the host's own claims
  await expect(table).not.toContainText("Mallory"); // an unverified token's claims are never shown
  await expect(page.getByRole("heading", { name: "Sign-ins and refusals per minute" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.getByText("Show as a table").nth(2).click();
  await expect(page.getByRole("table", { name: "Refusals by reason" })).toContainText("bad_signature");
  await expect(page.getByTestId("diagnosis")).toBeVisible();

  // Live: a new sign-in and a token with millisecond times appear without a reload.
  await expect(page.getByTestId("live-status")).toContainText("Live");
  const dana = await arrive(browser, event.slug, hostToken(key, { displayName: "Dana Scully" }, { jti: randomUUID() }), "10.20.9.5");
  contexts.push(dana.context);
  const millis = jwt.sign({ displayName: "Millie", iat: Math.floor(Date.now() / 1000), exp: Date.now() + 300_000 }, key.privateKey.export({ type: "pkcs1", format: "pem" }), { algorithm: "RS256", keyid: key.kid });
  const ms = await arrive(browser, event.slug, millis, "10.30.0.9");
  expect(ms.status).toBe(422);
  contexts.push(ms.context);
  await expect(page.getByTestId("total-signed-in")).toHaveText("4", { timeout: 15_000 });
  await expect(table.getByText("Dana Scully", { exact: true })).toBeVisible();
  const finding = page.locator('[data-finding="milliseconds"]');
  await expect(finding).toBeVisible({ timeout: 15_000 });
  await expect(finding).toContainText("Math.floor(Date.now() / 1000)");

  // Pause stops the updates.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("live-status")).toContainText("Paused");

  await page.screenshot({ path: `${SHOTS}/activity-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/activity-phone.png`, fullPage: true });

  // A row opens the debugger with its context.
  await page.setViewportSize({ width: 1440, height: 1000 });
  await table.locator("tr", { hasText: "Late Larry" }).getByRole("link", { name: "Debug this attempt" }).click();
  await expect(page).toHaveURL(/\/debugger\?attempt=/);
  await expect(page.getByTestId("attempt-context")).toContainText("Late Larry");
  await expect(page.getByText(/^It expired at /)).toBeVisible();

  // The filtered rows export as CSV.
  await page.goBack();
  await page.getByLabel("Outcome").selectOption("refused");
  await expect(table.locator('[data-outcome="signed_in"]')).toHaveCount(0);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await downloading).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString();
  });
  expect(csv.split("\r\n")[0]).toContain("at,outcome,reason");
  expect(csv).toContain("bad_signature");
  expect(csv).not.toContain("signed_in,");

  // The organization's landing page lists the event as live, with its counts.
  await page.goto(`/orgs/${org.slug}/events`);
  await expect(page.getByTestId("live-events")).toContainText("Launch Day");
  for (const context of contexts) await context.close();
});

test("ending a session from the Activity tab sends that attendee to session_ended", async ({ page, browser }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Ending");
  const key = await addHostKey(page, org.slug, event.slug);
  const erin = await arrive(browser, event.slug, hostToken(key, { displayName: "Erin Ends" }, { jti: randomUUID() }), "10.40.0.1");
  await expect(erin.tab).toHaveURL(/\/lobby$/);
  const stay = await arrive(browser, event.slug, hostToken(key, { displayName: "Stan Stays" }, { jti: randomUUID() }), "10.40.0.2");

  await page.goto(`/orgs/${org.slug}/events/${event.slug}/activity`);
  const row = page.getByRole("table", { name: "Entry attempts, newest first" }).locator("tr", { hasText: "Erin Ends" });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole("button", { name: "End session of Erin Ends" }).click();
  await page.locator("dialog[open]").getByRole("button", { name: "End session" }).click();
  await expect(page.locator("dialog[open]")).toHaveCount(0);
  await expect(page.getByTestId("total-in-event")).toHaveText("1");

  const response = await erin.tab.reload();
  expect(response?.status()).toBe(401);
  await expect(erin.tab.getByTestId("reason-code")).toHaveText("session_ended");
  await expect(erin.tab.getByRole("heading", { name: "The event organizer ended your session" })).toBeVisible();
  await stay.tab.reload();
  await expect(stay.tab).toHaveURL(/\/lobby$/);
  await expect(stay.tab.getByRole("heading", { name: "Welcome, Stan Stays" })).toBeVisible();

  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("table").getByText("Ended attendee sessions")).toBeVisible();
  await erin.context.close();
  await stay.context.close();
});
