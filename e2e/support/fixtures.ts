import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import jwt from "jsonwebtoken";
import { test as base, expect, request, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

export { expect };

export const BASE_URL = `http://localhost:${process.env.E2E_PORT || 3100}`;

export const uid = (prefix = "e2e") => `${prefix}-${randomBytes(3).toString("hex")}`;
export const PASSWORD = "correct-horse-battery";

/** A random client address for X-Forwarded-For: each client gets its own rate-limit budgets (see `test` below). */
export const clientAddress = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** A page in a browser context of its own (another device: no shared session) from its own client address. */
export async function newClientPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  return context.newPage();
}

/**
 * Each test appears to come from its own client address, so the sign-in rate limit (3 per 10 s
 * per address, shared by every instance) limits a test only by what that test does. The test
 * runner plays the one trusted proxy (the server runs with TRUSTED_PROXY_HOPS=1).
 *
 * Every page of every test runs under the Content-Security-Policy: a violation the browser
 * reports (a script without the nonce, an inline handler, a foreign source) fails the test.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": clientAddress() });
  },
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
      });
      await use(violations);
      expect(violations, "the browser reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
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

/** Creates an organization API key on the API keys page and returns it (shown once). */
export async function createApiKey(page: Page, orgSlug: string, role: "admin" | "viewer") {
  await page.goto(`/orgs/${orgSlug}/api-keys`);
  await page.getByLabel("Name").fill(`e2e ${role}`);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Create API key" }).click();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

/** Captures the next server-action POST the page sends (its Next-Action id and body) so a test can replay it as someone else. */
export async function captureServerAction(page: Page, trigger: () => Promise<void>) {
  const requestPromise = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await trigger();
  const request = await requestPromise;
  return { url: request.url(), actionId: request.headers()["next-action"]!, body: request.postData() ?? "" };
}

/**
 * Replays a captured server action with the given page's session, on a fresh connection (a pooled
 * keep-alive socket the server already closed would make the test flaky, not the product).
 */
export async function replayServerAction(page: Page, captured: { url: string; actionId: string; body: string }, body = captured.body) {
  const client = await request.newContext({ storageState: await page.context().storageState(), extraHTTPHeaders: { "x-forwarded-for": "10.250.0.1" } });
  try {
    const response = await client.post(captured.url, {
      headers: { "Next-Action": captured.actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", origin: BASE_URL },
      data: body,
    });
    return { status: response.status(), text: await response.text() };
  } finally {
    await client.dispose();
  }
}

/** Invites a fresh address as a viewer on the Members page; returns it and the invitation link the dashboard shows. */
export async function inviteViewer(page: Page, orgSlug: string) {
  await page.goto(`/orgs/${orgSlug}/members`);
  const email = `${uid("viewer")}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByTestId("invitation-link").textContent();
  return { email, link };
}

/** Invites a new viewer to the organization and returns their signed-in page (in its own browser context). */
export async function addViewer(page: Page, browser: Browser, orgSlug: string) {
  const { email, link } = await inviteViewer(page, orgSlug);
  const viewer = await newClientPage(browser);
  const context = viewer.context();
  await viewer.goto(new URL(link!).pathname);
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.getByLabel("Your name").fill("Vera Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByRole("button", { name: "Accept and join" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${orgSlug}/events$`));
  return { viewer, context, email };
}

/**
 * A host platform's key pair: the public half is pasted on the event's Keys page and activated,
 * the private half stays here to sign attendee tokens like the platform would.
 */
export async function addHostKey(page: Page, orgSlug: string, eventSlug: string) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  await page.goto(`/orgs/${orgSlug}/events/${eventSlug}/keys`);
  await page.getByRole("button", { name: "Paste a public key" }).click();
  const dialog = page.locator("dialog[open]");
  await dialog.getByLabel("Public key", { exact: true }).fill(publicPem);
  await dialog.getByLabel("Activate it right away").check();
  await dialog.getByRole("button", { name: "Add public key" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  const kid = await calculateJwkThumbprint(publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string });
  return { privateKey, kid };
}

/** An attendee token exactly as the platform doc's Node example makes it (jsonwebtoken, RS256). */
export function hostToken(key: { privateKey: KeyObject; kid: string }, claims: Record<string, unknown>, options: { expiresIn?: number; jti?: string; kid?: boolean } = {}) {
  return jwt.sign(claims, key.privateKey.export({ type: "pkcs1", format: "pem" }), {
    algorithm: "RS256",
    expiresIn: options.expiresIn ?? 300,
    ...(options.kid === false ? {} : { keyid: key.kid }),
    ...(options.jti ? { jwtid: options.jti } : {}),
  });
}

/** Adds a profile field on the event's Profile fields page (already open). */
export async function addField(page: Page, key: string, expected: { label?: string; kind?: string } = {}) {
  const form = page.getByRole("region", { name: "Add a field" });
  await form.getByLabel("Key").fill(key);
  if (expected.label) await expect(form.getByLabel("Label")).toHaveValue(expected.label);
  if (expected.kind) await expect(form.getByLabel("Kind")).toHaveValue(expected.kind);
  await form.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByTestId("field-row").filter({ has: page.locator("code", { hasText: new RegExp(`^${key}$`) }) })).toBeVisible();
  await expect(form.getByLabel("Key")).toHaveValue("");
}

/**
 * Generates an active key on the event's Keys page and lets the dashboard keep an encrypted copy
 * of its private key, so test links can be signed on the server. Returns the downloaded PEM.
 */
export async function addKeptKey(page: Page, orgSlug: string, eventSlug: string) {
  await page.goto(`/orgs/${orgSlug}/events/${eventSlug}/keys`);
  await page.getByRole("button", { name: "Generate key" }).click();
  const dialog = page.locator("dialog[open]");
  await dialog.getByLabel("Keep an encrypted copy, so I can issue test links here").check();
  await dialog.getByRole("button", { name: "Generate key" }).click();
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download private key" }).click();
  const download = await downloading;
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toHaveCount(0);
  return { fileName: download.suggestedFilename() };
}

/** The links page's Issue button sits after the warnings, outside the form element (it submits it by `form=`). */
export const issueLinkButton = (page: Page, name = "Issue one-off link") => page.getByRole("region", { name: "Issue" }).getByRole("button", { name });

/** Issues a one-off test link for `displayName` on the event's Test links page (the event needs a kept key); returns the link. */
export async function issueOneOffLink(page: Page, orgSlug: string, eventSlug: string, displayName: string): Promise<string> {
  await page.goto(`/orgs/${orgSlug}/events/${eventSlug}/links`);
  await page.getByRole("form", { name: "Issue a test link" }).getByLabel("Display name").fill(displayName);
  await issueLinkButton(page).click();
  return page.getByTestId("issued-link").getByLabel("Event link").inputValue();
}
