import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { test, expect, signUp, createOrganization, createEvent, addHostKey, hostToken, addField } from "./support/fixtures";

const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a host-minted token lands in the lobby with the right tile, the token gone from the address bar", async ({ page, browser }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Entry Day");
  const key = await addHostKey(page, org.slug, event.slug);

  // Configure fields the token uses (the doc's example: organization, title, interests).
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/fields`);
  await addField(page, "organization");
  await addField(page, "title");

  const attendee = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.99.1.1" } });
  const tab = await attendee.newPage();
  const token = hostToken(key, { displayName: "Larry David", email: "", userProfile: [["title", "Producer"], ["organization", "Seinfield"], ["interests", "comedy"]], roles: ["presenter"] });
  const response = await tab.goto(`/e/${event.slug}?token=${token}`);
  expect(response?.status()).toBe(200);
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/lobby$`));
  expect(tab.url()).not.toContain("token");
  const tile = tab.getByTestId("stream-tile");
  await expect(tile.getByTestId("tile-name")).toHaveText("Larry David");
  // The headline is the first configured field in the token's order: title, then organization on hover.
  await expect(tile).toContainText("Producer");
  await expect(tile).not.toContainText("comedy");
  await expect(tab.getByTestId("lobby-roles")).toContainText("Presenter");
  const cookies = await attendee.cookies();
  const session = cookies.find((c) => c.name === "attendee_session")!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Lax");
  expect(session.path).toBe(`/e/${event.slug}`);
  await tab.screenshot({ path: `${SHOTS}/attendee-lobby-desktop.png`, fullPage: true });
  await tab.setViewportSize({ width: 390, height: 844 });
  await tab.screenshot({ path: `${SHOTS}/attendee-lobby-phone.png`, fullPage: true });

  await tab.getByRole("button", { name: "Leave the event" }).click();
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/met$`));
  await expect(tab.getByRole("heading", { name: "You met with…" })).toBeVisible();
  await tab.screenshot({ path: `${SHOTS}/attendee-met-phone.png`, fullPage: true });
  await attendee.close();
});

test("expired, tampered, foreign and reused tokens each show their reason, with a 4xx and the contact", async ({ page }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Refusals");
  const key = await addHostKey(page, org.slug, event.slug);
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 800 });

  const expired = hostToken(key, { displayName: "Late Larry", iat: Math.floor(Date.now() / 1000) - 900 }, { expiresIn: 300 });
  let response = await page.goto(`/e/${event.slug}?token=${expired}`);
  expect(response?.status()).toBe(401);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByTestId("reason-code")).toHaveText("expired");
  await expect(page.getByTestId("problem-explanation")).toContainText(/It expired at \d\d:\d\d UTC, 1[01] minutes ago\./);
  await expect(page.getByRole("link", { name: "help@example.com" })).toHaveAttribute("href", "mailto:help@example.com");
  await page.screenshot({ path: `${SHOTS}/attendee-problem-desktop.png`, fullPage: true });

  const valid = hostToken(key, { displayName: "Larry" });
  const [header, payload, signature] = valid.split(".");
  const forged = Buffer.from(payload!, "base64url").toString().replace("Larry", "Mallory");
  const tampered = `${header}.${Buffer.from(forged).toString("base64url")}.${signature}`;
  response = await page.goto(`/e/${event.slug}?token=${tampered}`);
  expect(response?.status()).toBe(401);
  await expect(page.getByTestId("reason-code")).toHaveText("bad_signature");
  await expect(page.getByTestId("problem-explanation")).toContainText("changed after it was signed");

  response = await page.goto(`/e/${event.slug}?token=not.a-token`);
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId("reason-code")).toHaveText("malformed");

  const jti = randomUUID();
  const once = hostToken(key, { displayName: "Once Only" }, { jti });
  response = await page.goto(`/e/${event.slug}?token=${once}`);
  await expect(page).toHaveURL(/\/lobby$/);
  await page.context().clearCookies();
  response = await page.goto(`/e/${event.slug}?token=${once}`);
  expect(response?.status()).toBe(409);
  await expect(page.getByTestId("reason-code")).toHaveText("already_used");
  await expect(page.getByTestId("problem-explanation")).toContainText("It was used at");

  response = await page.goto(`/e/no-such-event-${randomUUID().slice(0, 8)}?token=${valid}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("reason-code")).toHaveText("event_not_found");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/attendee-problem-phone.png`, fullPage: true });

  // The problem page cannot be opened on its own to show made-up reasons.
  response = await page.goto(`/e/${event.slug}/problem`);
  expect(response?.status()).toBe(404);
});

test("the token debugger explains a token without using it up", async ({ page }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Debugging");
  const key = await addHostKey(page, org.slug, event.slug);
  await page.getByRole("link", { name: "Token debugger" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/debugger$`));

  const token = hostToken(key, { displayName: "Dee Bugger", roles: ["host", "transcriber"] }, { jti: randomUUID() });
  await page.getByLabel("Token").fill(`http://localhost/e/${event.slug}?token=${token}`);
  await page.getByRole("button", { name: "Check token" }).click();
  const result = page.getByTestId("debugger-result");
  await expect(result.getByText("The entry would accept this token")).toBeVisible();
  await expect(result.locator('[data-check="signature"]')).toHaveAttribute("data-status", "pass");
  // transcriber is off for this event: the attendee gets in without it, and the debugger says why.
  await expect(result.getByText(/transcriber/i).first()).toBeVisible();
  await expect(result.getByTestId("stream-tile")).toContainText("Dee Bugger");
  await page.screenshot({ path: `${SHOTS}/debugger-desktop.png`, fullPage: true });

  // Checking did not use the token: it still signs in once.
  const attendee = await page.context().browser()!.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.98.1.1" } });
  const tab = await attendee.newPage();
  await tab.goto(`/e/${event.slug}?token=${token}`);
  await expect(tab).toHaveURL(/\/lobby$/);
  await attendee.close();

  await page.getByLabel("Token").fill(token.slice(0, -4) + "AAAA");
  await page.getByRole("button", { name: "Check token" }).click();
  // Told to the admin in the admin's words, with the reason code; claims whose signature failed are
  // never drawn as if the host had sent them.
  await expect(result.getByText("The signature does not verify", { exact: true }).first()).toBeVisible();
  await expect(result.getByText("bad_signature", { exact: true }).first()).toBeVisible();
  await expect(result.getByTestId("stream-tile")).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/debugger-phone.png`, fullPage: true });
});
