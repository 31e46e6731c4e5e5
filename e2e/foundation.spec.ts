import { test, expect, signUp, createOrganization, createEvent, uid, PASSWORD, BASE_URL, captureServerAction, replayServerAction, inviteViewer } from "./support/fixtures";

test("a newcomer signs up, creates an organization and an event, and finds it in the table", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Nina Newcomer");
  await page.getByLabel("Email").fill(`${uid("nina")}@example.com`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/orgs$/);

  const org = await createOrganization(page, "Nina's Events");
  await page.getByRole("link", { name: "New event" }).click();

  // Every wrong field says what is wrong, and nothing typed is lost.
  await page.getByLabel("Name", { exact: true }).fill("Launch Party");
  await page.getByLabel("Slug").fill("Launch Party!");
  await page.getByLabel("Contact for attendees").fill("call me maybe");
  await page.getByLabel("Clock-skew leeway", { exact: true }).fill("999"); // minutes: the default 60 s shows as 1 minute
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.locator('[data-field-error="slug"]')).toContainText("lowercase letters");
  await expect(page.locator('[data-field-error="contact"]')).toContainText("email address");
  await expect(page.locator('[data-field-error="leewaySeconds"]')).toContainText("at most 5 minutes (300 seconds)");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Launch Party");

  const slug = uid("launch");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Contact for attendees").fill("help@example.com");
  await page.getByLabel("Clock-skew leeway", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${slug}$`));
  await expect(page.getByTestId("setup-checklist").locator('[data-step="key"][data-done="false"]')).toContainText("no attendee can sign in");

  await page.getByRole("link", { name: "Events", exact: true }).first().click();
  await page.getByRole("searchbox", { name: "Search events by name or slug" }).fill("launch");
  await expect(page).toHaveURL(/q=launch/);
  const row = page.getByRole("row").filter({ hasText: "Launch Party" });
  await expect(row).toContainText(slug);
  await expect(page.getByText("1–1 of 1")).toBeVisible();
  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "Created an event" })).toContainText("Launch Party");
});

test("a duplicate slug is refused on the slug field", async ({ page }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug);
  await page.goto(`/orgs/${org.slug}/events/new`);
  await page.getByLabel("Name", { exact: true }).fill("Copy");
  await page.getByLabel("Slug").fill(event.slug);
  await page.getByLabel("Contact for attendees").fill("help@example.com");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.locator('[data-field-error="slug"]')).toContainText("already used by another event");
});

test("a viewer sees everything, can change nothing, and a forged action is refused", async ({ page, browser }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Viewer Test Event");

  // The owner invites a viewer; the dashboard shows the link to hand over.
  const { email: viewerEmail, link } = await inviteViewer(page, org.slug);
  expect(link).toContain("/invite/");

  // Capture the owner's real "save event settings" action to replay as the viewer.
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/settings`);
  await page.getByLabel("Name", { exact: true }).fill("Renamed By Owner");
  const captured = await captureServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
  await expect(page.getByText("Event settings saved")).toBeVisible();

  const viewerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.200.0.1" } });
  const viewer = await viewerContext.newPage();
  await viewer.goto(new URL(link!).pathname);
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.getByLabel("Your name").fill("Vera Viewer");
  await expect(viewer.getByLabel("Email")).toHaveValue(viewerEmail);
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByRole("button", { name: "Accept and join" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${org.slug}/events$`));

  // Reads everything; the UI offers no changes.
  await expect(viewer.getByRole("link", { name: "Renamed By Owner" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "New event" })).toHaveCount(0);
  await viewer.goto(`/orgs/${org.slug}/events/${event.slug}/settings`);
  await expect(viewer.getByText("You are a viewer in this organization")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Delete event" })).toHaveCount(0);
  await expect(viewer.getByLabel("Name", { exact: true })).toBeDisabled();

  // The same server action, sent by the viewer with the viewer's session, is refused.
  const forged = await replayServerAction(viewer, captured, captured.body.replace("Renamed By Owner", "Renamed By Viewer"));
  expect(forged.text).toContain("FORBIDDEN");
  await viewer.reload();
  await expect(viewer.getByLabel("Name", { exact: true })).toHaveValue("Renamed By Owner");
  await viewerContext.close();
});

test("a member of another organization cannot see or change the event by URL or by calling actions", async ({ page, browser }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Private Event");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/settings`);
  await page.getByLabel("Name", { exact: true }).fill("Still Private");
  const captured = await captureServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
  await expect(page.getByText("Event settings saved")).toBeVisible();

  const otherContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.201.0.1" } });
  const other = await otherContext.newPage();
  await signUp(other);
  await createOrganization(other);

  for (const path of [`/orgs/${org.slug}/events`, `/orgs/${org.slug}/events/${event.slug}`, `/orgs/${org.slug}/events/${event.slug}/settings`, `/orgs/${org.slug}/members`]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByText("Not found", { exact: true })).toBeVisible();
  }
  const forged = await replayServerAction(other, captured, captured.body.replace("Still Private", "Taken Over"));
  expect(forged.text).toContain("NOT_FOUND");
  expect(forged.text).not.toContain("Still Private");
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Still Private");
  await otherContext.close();
});

test("the last owner cannot be demoted, and the page says why", async ({ page }) => {
  await signUp(page);
  const org = await createOrganization(page);
  await page.goto(`/orgs/${org.slug}/members`);
  await expect(page.getByText("last owner", { exact: true })).toBeVisible();
  await page.getByRole("combobox", { name: /Role of/ }).selectOption("viewer");
  // Choosing is not saving: the role changes only with an explicit Save.
  await expect(page.getByRole("alert").filter({ hasText: "last owner" })).toHaveCount(0);
  await page.getByRole("button", { name: /^Save the role of/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "last owner" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: /Role of/ })).toHaveValue("owner");
});

test("sign-in is rate limited per client address", async ({ page }) => {
  const { email } = await signUp(page);
  await page.request.post("/api/auth/sign-out", { headers: { origin: BASE_URL } });
  await page.context().clearCookies();
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  }
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
