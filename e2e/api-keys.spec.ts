import { test, expect, signUp, createOrganization, createEvent, BASE_URL } from "./support/fixtures";

test("an admin creates an API key, a script uses it, and revoking it locks the script out", async ({ page, playwright }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "API Visible Event");
  await page.goto(`/orgs/${org.slug}/api-keys`);
  await page.getByLabel("Name").fill("CI key rotation");
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^evk_/);
  await expect(page.getByText("shown only once")).toBeVisible();

  // A script (no browser session) uses the key.
  const script = await playwright.request.newContext({ baseURL: BASE_URL });
  const listed = await script.get("/api/v1/events", { headers: { Authorization: `Bearer ${key}` } });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).data.map((e: { slug: string }) => e.slug)).toEqual([event.slug]);
  const write = await script.post("/api/v1/events", { headers: { Authorization: `Bearer ${key}` }, data: { name: "x", slug: "x-from-viewer", contact: "a@b.co" } });
  expect(write.status()).toBe(403);

  // After a reload the key is listed by its visible start only, never in full.
  await page.reload();
  const row = page.getByTestId("api-key-row").filter({ hasText: "CI key rotation" });
  await expect(row).toContainText(key.slice(0, 10));
  expect(await page.content()).not.toContain(key);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("revoked")).toBeVisible();
  const after = await script.get("/api/v1/events", { headers: { Authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.message).toContain("revoked");

  const spec = await script.get("/api/v1/openapi.json");
  expect((await spec.json()).openapi).toBe("3.1.0");
  await page.goto(`/orgs/${org.slug}/api`);
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByText("/api/v1/events/{slug}").first()).toBeVisible();
  await script.dispose();
});
