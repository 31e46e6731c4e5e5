import { test, expect, uid, PASSWORD, signUp, createOrganization, createEvent, addHostKey, addKeptKey, hostToken, issueOneOffLink } from "../support/fixtures";
import { INSTANCE_A, INSTANCE_B } from "../../playwright.multi-instance.config";

test("an admin session made on one instance works on the other", async ({ page }) => {
  await page.goto(`${INSTANCE_A}/sign-up`);
  await page.getByLabel("Your name").fill("Multi Instance");
  await page.getByLabel("Email").fill(`${uid("multi")}@example.com`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${INSTANCE_A}/orgs`);

  await page.goto(`${INSTANCE_B}/orgs`);
  await expect(page.getByRole("heading", { name: "Your organizations" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Made On B");
  const slug = uid("org");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(`${INSTANCE_B}/orgs/${slug}/events`);
  await page.goto(`${INSTANCE_A}/orgs/${slug}/events`);
  await expect(page.getByRole("heading", { name: "Events" })).toBeVisible();
});

test("the sign-in rate limit is shared: attempts on one instance count on the other", async ({ playwright }) => {
  const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const client = await playwright.request.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const attempt = (base: string) =>
    client.post(`${base}/api/auth/sign-in/email`, { headers: { origin: base }, data: { email: `${uid("nobody")}@example.com`, password: "wrong-password-123" } });
  const statuses = [];
  for (const base of [INSTANCE_A, INSTANCE_B, INSTANCE_A, INSTANCE_B]) statuses.push((await attempt(base)).status());
  expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
  expect(statuses[3]).toBe(429);
  await client.dispose();
});

test("a key revoked through one instance is refused by the other within 1 s", async ({ page, playwright }) => {
  test.setTimeout(120_000);
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Two Instances");
  const oldKey = await addHostKey(page, org.slug, event.slug);
  const newKey = await addHostKey(page, org.slug, event.slug);

  // Instance B caches the old key by using it.
  const attendee = await playwright.request.newContext({ maxRedirects: 0, extraHTTPHeaders: { "x-forwarded-for": "10.66.0.1" } });
  const enterOnB = async (key: typeof oldKey) => (await attendee.get(`${INSTANCE_B}/e/${event.slug}?token=${hostToken(key, { displayName: "Bea" })}`)).status();
  expect(await enterOnB(oldKey)).toBe(303);

  // Rotation through instance A: retire, then revoke the old key.
  const dialog = page.locator("dialog[open]");
  const oldRow = page.locator(`[data-testid="key-row"][data-kid="${oldKey.kid}"]`);
  await oldRow.getByRole("button", { name: /Retire key/ }).click();
  await dialog.getByRole("button", { name: "Retire key" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await enterOnB(oldKey)).toBe(303); // retired keys still verify
  await oldRow.getByRole("button", { name: /Revoke key/ }).click();
  // The old key signed Bea in a moment ago: revoking now is flagged unsafe and needs the acknowledgement.
  await expect(dialog.getByRole("button", { name: "Revoke key" })).toBeDisabled();
  await dialog.getByRole("checkbox", { name: /I understand: every still-valid token/ }).check();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toHaveCount(0);

  // B trusts its cached event row for 250 ms (ENTRY_EVENT_FRESH_MS): the revocation must reach it
  // within 1 s of the dialog closing on A (the change is committed before the dialog closes).
  const revokedAt = Date.now();
  let status = 0;
  while (Date.now() - revokedAt < 5_000) {
    status = await enterOnB(oldKey);
    if (status === 401) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const elapsed = Date.now() - revokedAt;
  console.log(`[multi-instance] instance B refused the revoked key ${elapsed} ms after instance A revoked it`);
  expect(status).toBe(401);
  expect(elapsed).toBeLessThan(1_000);
  expect(await enterOnB(newKey)).toBe(303);
  await attendee.dispose();
});

test("a one-off link confirmed concurrently through both instances signs in exactly once", async ({ page, playwright }) => {
  test.setTimeout(120_000);
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "One-off Race");
  await addKeptKey(page, org.slug, event.slug);
  const url = new URL(await issueOneOffLink(page, org.slug, event.slug, "Racing Rita"));

  // The attendee opens the link on A (nothing is used up), then the confirmation is sent 20 times,
  // alternating between the instances, all at once.
  const attendee = await playwright.request.newContext({ maxRedirects: 0, extraHTTPHeaders: { "x-forwarded-for": "10.65.0.1" } });
  const opened = await attendee.get(`${INSTANCE_A}${url.pathname}${url.search}`);
  expect(opened.status()).toBe(303);
  expect(opened.headers().location).toContain("/continue");
  const started = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      attendee.post(`${i % 2 ? INSTANCE_B : INSTANCE_A}/e/${event.slug}`, { headers: { "sec-fetch-site": "same-origin" } }).then((r) => r.status()),
    ),
  );
  console.log(`[multi-instance] 20 concurrent confirmations over two instances in ${Date.now() - started} ms: ${statuses.filter((s) => s === 303).length} signed in, ${statuses.filter((s) => s === 409).length} already_used`);
  expect(statuses.filter((s) => s === 303)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  await attendee.dispose();
});
