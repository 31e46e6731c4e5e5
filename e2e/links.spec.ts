import type { Browser, Page, Request } from "@playwright/test";
import {
  test,
  expect,
  signUp,
  createOrganization,
  createEvent,
  addField,
  addHostKey,
  addKeptKey,
  addViewer,
  captureServerAction,
  replayServerAction,
  newClientPage,
  BASE_URL,
  issueLinkButton,
} from "./support/fixtures";
import { shoot } from "./support/shots";

/**
 * Test links in the browser: issue one-off and long-lived links, follow them through the real
 * entry, revoke them, sign one in the browser with a pasted private key (which must not appear in
 * any request), and the snippets page. Screenshots land in screenshots/ (desktop and 390px).
 */
const form = (page: Page) => page.getByRole("form", { name: "Issue a test link" });
const linkRow = (page: Page, name: string) => page.getByRole("row").filter({ hasText: name });

async function openLinksTab(page: Page, orgSlug: string, eventSlug: string) {
  await page.goto(`/orgs/${orgSlug}/events/${eventSlug}`);
  await page.getByRole("link", { name: "Test links", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${eventSlug}/links$`));
}

async function issuedUrl(page: Page): Promise<string> {
  const issued = page.getByTestId("issued-link");
  await expect(issued).toBeVisible();
  return issued.getByLabel("Event link").inputValue();
}

/** An attendee's own browser (no dashboard session), opening the link. */
async function attendeeOpens(browser: Browser, url: string) {
  const tab = await newClientPage(browser);
  const response = await tab.goto(url);
  return { context: tab.context(), tab, response };
}

test("a one-off link: issue it, open it, continue into the lobby; opened again it is already_used", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, undefined, "Lena Links");
  const org = await createOrganization(page, "Links Inc");
  const event = await createEvent(page, org.slug, "Link Day");
  await addKeptKey(page, org.slug, event.slug);
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/fields`);
  await addField(page, "organization");
  await addField(page, "title");

  await openLinksTab(page, org.slug, event.slug);
  // The form is prefilled with the event's fields and defaults to a one-off link signed here.
  await expect(form(page).getByLabel(/Organization/)).toHaveValue("");
  await expect(form(page).getByLabel(/Title/)).toBeVisible();
  await expect(form(page).getByRole("radio", { name: /One-off/ })).toBeChecked();
  await expect(form(page).getByRole("radio", { name: /A key the dashboard keeps/ })).toBeChecked();
  // Transcription is off for organization and event: the role points to where it is turned on.
  await expect(form(page).getByRole("checkbox", { name: "Transcriber" })).toBeDisabled();
  await expect(form(page).getByText(/Off: turn on Transcription for the organization and this event/)).toBeVisible();

  await issueLinkButton(page, "Issue one-off link").click();
  await expect(form(page).locator('[data-field-error="displayName"]')).toContainText("Enter the attendee's name");
  await form(page).getByLabel("Display name").fill("Larry David");
  await form(page).getByLabel(/Organization/).fill("Seinfield");
  await form(page).getByLabel(/Title/).fill("Producer");
  await form(page).getByLabel("Email (optional)").fill("larry@example.com");
  await form(page).getByRole("checkbox", { name: "Presenter" }).check();
  const tile = page.getByTestId("stream-tile");
  await expect(tile.getByTestId("tile-name")).toHaveText("Larry David");
  await expect(tile.getByTestId("tile-headline")).toHaveText("Seinfield");
  await expect(page.getByTestId("link-notes")).toContainText("One-off: works once, within 5 minutes");
  await shoot(page, "links-form");

  await issueLinkButton(page, "Issue one-off link").click();
  const url = await issuedUrl(page);
  expect(url).toMatch(new RegExp(`^${BASE_URL}/e/${event.slug}\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
  await expect(page.getByTestId("link-qr")).toBeVisible();
  await expect(page.getByTestId("link-countdown")).toContainText(/Expires in [45]:\d\d/);
  await expect(linkRow(page, "Larry David").locator("[data-status]")).toHaveAttribute("data-status", "active");
  await shoot(page, "links-result");

  const attendee = await attendeeOpens(browser, url);
  await expect(attendee.tab).toHaveURL(new RegExp(`/e/${event.slug}/continue$`));
  await attendee.tab.getByRole("button", { name: "Continue as Larry David" }).click();
  await expect(attendee.tab).toHaveURL(new RegExp(`/e/${event.slug}/lobby$`));
  await expect(attendee.tab.getByTestId("stream-tile").getByTestId("tile-name")).toHaveText("Larry David");
  await attendee.context.close();

  const again = await attendeeOpens(browser, url);
  expect(again.response?.status()).toBe(409);
  await expect(again.tab.getByTestId("reason-code")).toHaveText("already_used");
  await again.context.close();

  await page.reload();
  const row = linkRow(page, "Larry David");
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "used");
  await expect(row).toContainText("Presenter");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  // The snippets page, filled in for this event.
  await page.getByRole("link", { name: "Snippets", exact: true }).click();
  await expect(page.getByRole("tab", { name: "Node (jsonwebtoken)" })).toHaveAttribute("aria-selected", "true");
  const code = page.getByTestId("snippet-node-jsonwebtoken");
  await expect(code).toContainText(`${BASE_URL}/e/${event.slug}`);
  await expect(code).toContainText('["organization", "Seinfield"]');
  await expect(code).toContainText("expiresIn: 300");
  await shoot(page, "snippets");
  await page.getByRole("tab", { name: "Python (PyJWT)" }).click();
  await expect(page.getByTestId("snippet-python")).toContainText('headers={"kid": KEY_ID}');
  await page.getByRole("tab", { name: "Python (PyJWT)" }).press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Ruby (ruby-jwt)" })).toBeFocused();
  await expect(page.getByTestId("snippet-ruby")).toBeVisible();
});

test("a long-lived host link needs its warnings read and a confirmation; revoked, it is link_revoked", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, undefined, "Hal Host");
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Host Rehearsal");
  await addKeptKey(page, org.slug, event.slug);
  await openLinksTab(page, org.slug, event.slug);

  await form(page).getByLabel("Display name").fill("Hank Host");
  await form(page).getByRole("checkbox", { name: "Host" }).check();
  await form(page).getByRole("radio", { name: /Long-lived/ }).check();
  const warning = form(page).getByTestId("long-lived-warning");
  await expect(warning).toContainText("Whoever opens it is logged in as Hank Host");
  await expect(warning).toContainText("Never send it by email or chat");
  await expect(warning).toContainText("Revoke it");
  await expect(page.getByTestId("link-notes").locator('[data-level="danger"]')).toContainText("anyone who has this link signs in as Hank Host with the host role");
  await form(page).getByLabel("Valid for").selectOption({ label: "8 hours" });
  await shoot(page, "links-form-long-lived");

  // The confirmation is asked next to the button before any attempt; without it nothing is issued.
  const confirmation = page.getByTestId("host-confirmation");
  await expect(confirmation.getByLabel("I understand that anyone with this link can run the event as host")).not.toBeChecked();
  await issueLinkButton(page, "Issue long-lived link").click();
  await expect(confirmation.getByText("Tick this to issue the link, or make it a one-off link.")).toBeVisible();
  await expect(page.getByTestId("issued-link")).toHaveCount(0);
  await confirmation.getByLabel("I understand that anyone with this link can run the event as host").check();
  await issueLinkButton(page, "Issue long-lived link").click();
  const url = await issuedUrl(page);
  await expect(page.getByTestId("link-countdown")).toContainText(/Expires in (7|8) hours/);

  // Long-lived links sign in at once, no confirmation page.
  const first = await attendeeOpens(browser, url);
  await expect(first.tab).toHaveURL(new RegExp(`/e/${event.slug}/lobby$`));
  await expect(first.tab.getByTestId("lobby-roles")).toContainText("Host");
  await first.context.close();

  await page.getByRole("button", { name: "Done: issue another link" }).click();
  await expect(page.getByTestId("issued-link")).toHaveCount(0);
  const row = linkRow(page, "Hank Host");
  await expect(row).toContainText("Long-lived");
  await expect(row).toContainText("Host");
  await row.getByRole("button", { name: "Revoke the link for Hank Host" }).click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog).toContainText("link_revoked");
  await shoot(page, "links-revoke-dialog", { fullPage: false });
  await dialog.getByRole("button", { name: "Revoke link" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "revoked");
  await expect(row).toContainText("by ");

  const revoked = await attendeeOpens(browser, url);
  expect(revoked.response?.status()).toBeGreaterThanOrEqual(400);
  expect(revoked.response?.status()).toBeLessThan(500);
  await expect(revoked.tab.getByTestId("reason-code")).toHaveText("link_revoked");
  await revoked.context.close();

  // Revoke all: a fresh one-off link and a second long-lived one go at once.
  await form(page).getByRole("radio", { name: /One-off/ }).check();
  await issueLinkButton(page, "Issue one-off link").click();
  await issuedUrl(page);
  await page.getByRole("button", { name: "Done: issue another link" }).click();
  await page.getByRole("button", { name: "Revoke all active (1)" }).click();
  await expect(dialog).toContainText("Used, expired and already revoked links stay as they are");
  await dialog.getByRole("button", { name: "Revoke all active links" }).click();
  await expect(page.getByRole("button", { name: "Revoke all active (0)" })).toBeDisabled();

  // The table filters by status through the URL.
  await page.getByRole("combobox", { name: "Status" }).selectOption("revoked");
  await expect(page).toHaveURL(/status=revoked/);
  await expect(page.getByRole("row").filter({ hasText: "Hank Host" })).toHaveCount(2);
  await shoot(page, "links-table");
});

test("signing in the browser with a pasted private key works, and the key is in no request", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, undefined, "Bea Browser");
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Browser Signing");
  // The platform's own key pair: only the public half is on the event, the dashboard has no private key.
  const key = await addHostKey(page, org.slug, event.slug);
  const pem = key.privateKey.export({ type: "pkcs1", format: "pem" }).toString();

  // Every request from here on, with its URL, headers and body.
  const recorded: Array<Promise<{ url: string; headers: string; body: string }>> = [];
  const record = async (request: Request) => ({ url: request.url(), headers: JSON.stringify(await request.allHeaders()), body: request.postDataBuffer()?.toString("latin1") ?? "" });
  page.context().on("request", (request) => recorded.push(record(request)));

  await openLinksTab(page, org.slug, event.slug);
  await expect(form(page).getByRole("radio", { name: /A key the dashboard keeps/ })).toBeDisabled();
  await expect(form(page).getByRole("radio", { name: /My private key, in this browser/ })).toBeChecked();
  await form(page).getByLabel("Display name").fill("Bea Browser-Signed");
  // A public key is refused with what to do instead.
  await form(page).getByTestId("private-key-input").fill(key.privateKey.export({ type: "pkcs1", format: "pem" }).toString().replace("PRIVATE", "PUBLIC").replace("PRIVATE", "PUBLIC"));
  await expect(form(page).getByText("This is a public key.")).toBeVisible();
  await form(page).getByTestId("private-key-input").fill(pem);
  const loaded = form(page).getByTestId("browser-key");
  await expect(loaded).toContainText("It belongs to the active key");
  await expect(loaded).toContainText(key.kid.slice(0, 8));
  await expect(form(page).getByTestId("private-key-input")).toHaveCount(0);
  await shoot(page, "links-form-browser-key");
  await issueLinkButton(page, "Issue one-off link").click();
  const url = await issuedUrl(page);
  await expect(page.getByTestId("issued-link")).toContainText(`Signed in this browser, key ${key.kid.slice(0, 8)}`);
  await expect(linkRow(page, "Bea Browser-Signed")).toContainText("signed in browser");

  // Neither the key (whole, its base64 body, or any line of it) nor the token went to the server.
  const body = pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
  const lines = pem.split("\n").filter((line) => line.length >= 40 && !line.startsWith("-----"));
  const token = new URL(url).searchParams.get("token")!;
  const needles = [pem, body, encodeURIComponent(body), ...lines, ...lines.map(encodeURIComponent), token.split(".")[2]!];
  const requests = await Promise.all(recorded);
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.some((r) => r.body.includes("recordBrowserLink") || r.headers.includes("next-action"))).toBe(true);
  for (const request of requests) {
    for (const needle of needles) {
      expect(request.url.includes(needle) || request.headers.includes(needle) || request.body.includes(needle), `${request.url} carries key or token material`).toBe(false);
    }
  }

  const attendee = await attendeeOpens(browser, url);
  await attendee.tab.getByRole("button", { name: "Continue as Bea Browser-Signed" }).click();
  await expect(attendee.tab).toHaveURL(new RegExp(`/e/${event.slug}/lobby$`));
  await attendee.context.close();
});

test("a viewer sees the issued links but cannot issue or revoke, and a forged request is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, undefined, "Owen Owner");
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Viewer Check");
  await addKeptKey(page, org.slug, event.slug);
  await openLinksTab(page, org.slug, event.slug);
  await form(page).getByLabel("Display name").fill("Vicky Visible");
  const issue = await captureServerAction(page, () => issueLinkButton(page, "Issue one-off link").click());
  await issuedUrl(page);

  const { viewer, context } = await addViewer(page, browser, org.slug);
  await viewer.goto(`/orgs/${org.slug}/events/${event.slug}/links`);
  await expect(viewer.getByText("You are a viewer in this organization")).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Issue a test link" })).toHaveCount(0);
  await expect(linkRow(viewer, "Vicky Visible")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const forged = await replayServerAction(viewer, issue, issue.body.replace("Vicky Visible", "Mallory Forged"));
  expect(forged.text).toContain("FORBIDDEN");
  await viewer.reload();
  await expect(linkRow(viewer, "Mallory Forged")).toHaveCount(0);
  await context.close();
});
