import { randomBytes } from "node:crypto";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export { expect };

export const BASE_URL = `http://localhost:${process.env.E2E_PORT || 3100}`;

export const uid = (prefix = "e2e") => `${prefix}-${randomBytes(3).toString("hex")}`;
export const PASSWORD = "correct-horse-battery";

/**
 * Each test appears to come from its own client address, so the sign-in rate limit (3 per 10 s
 * per address, shared by every instance) limits a test only by what that test does.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}` });
  },
});

/** Creates an account through Better Auth's endpoint; the page's context keeps the session cookie. */
export async function signUp(page: Page, email = `${uid("admin")}@example.com`, name = "Test Admin") {
  const response = await page.request.post("/api/auth/sign-up/email", {
    data: { email, password: PASSWORD, name },
    headers: { origin: BASE_URL },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return { email, name };
}

export async function createOrganization(page: Page, name = `Org ${uid()}`) {
  const slug = uid("org");
  await page.goto("/orgs");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}/events$`));
  return { name, slug };
}

export async function createEvent(page: Page, orgSlug: string, name = `Event ${uid()}`) {
  const slug = uid("ev");
  await page.goto(`/orgs/${orgSlug}/events/new`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Contact for attendees").fill("help@example.com");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgSlug}/events/${slug}$`));
  return { name, slug };
}

/** Captures the next server-action POST the page sends (its Next-Action id and body) so a test can replay it as someone else. */
export async function captureServerAction(page: Page, trigger: () => Promise<void>) {
  const requestPromise = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await trigger();
  const request = await requestPromise;
  return { url: request.url(), actionId: request.headers()["next-action"]!, body: request.postData() ?? "" };
}

export async function replayServerAction(page: Page, captured: { url: string; actionId: string; body: string }, body = captured.body) {
  const response = await page.request.post(captured.url, {
    headers: { "Next-Action": captured.actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", origin: BASE_URL },
    data: body,
  });
  return { status: response.status(), text: await response.text() };
}

/** Invites a new viewer to the organization and returns their signed-in page (in its own browser context). */
export async function addViewer(page: Page, browser: Browser, orgSlug: string) {
  await page.goto(`/orgs/${orgSlug}/members`);
  const email = `${uid("viewer")}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByTestId("invitation-link").textContent();
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}` } });
  const viewer = await context.newPage();
  await viewer.goto(new URL(link!).pathname);
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.getByLabel("Your name").fill("Vera Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByRole("button", { name: "Accept and join" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${orgSlug}/events$`));
  return { viewer, context, email };
}
