import { test, expect, uid, PASSWORD } from "../support/fixtures";
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
