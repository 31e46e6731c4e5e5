import { mkdirSync } from "node:fs";
import { test, expect, signUp, createOrganization, createEvent, PASSWORD, BASE_URL, addField, captureServerAction, inviteViewer } from "./support/fixtures";
import type { Page } from "@playwright/test";

const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });

const rowKeys = (page: Page) => page.getByTestId("field-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-key")));

test("an admin configures fields, reorders them, and the preview follows", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Fields Conference");
  await page.getByRole("link", { name: "Profile fields", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/fields$`));

  const tile = page.getByTestId("stream-tile");
  const headline = tile.getByTestId("tile-headline");
  const details = tile.getByTestId("tile-details");
  const warnings = page.getByTestId("profile-warnings");

  // No fields yet: the doc's Larry David shows with initials only, and the warnings say why.
  await expect(page.getByText("No profile fields yet")).toBeVisible();
  await expect(tile.getByTestId("tile-name")).toHaveText("Larry David");
  await expect(tile.locator("[data-avatar=initials]")).toHaveText("LD");
  await expect(headline).toHaveCount(0);
  await expect(warnings.locator("[data-code=no_fields]")).toBeVisible();
  await expect(warnings.locator("[data-code=key_dropped]")).toHaveCount(3);

  // While typing a new key the preview already shows it; saving keeps it.
  const addForm = page.getByRole("region", { name: "Add a field" });
  await addForm.getByLabel("Key").fill("organization");
  await expect(headline).toHaveText("Seinfield");
  await expect(page.getByText("Includes unsaved changes")).toBeVisible();
  await addForm.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByTestId("field-row")).toHaveCount(1);
  await addField(page, "title", { label: "Title", kind: "text" });
  await addField(page, "interests", { label: "Interests" });
  await addField(page, "twitter", { label: "Twitter / X", kind: "twitter" });
  await addField(page, "linkedin", { label: "LinkedIn", kind: "linkedin" });
  expect(await rowKeys(page)).toEqual(["organization", "title", "interests", "twitter", "linkedin"]);
  await expect(page.getByText("Includes unsaved changes")).toHaveCount(0);
  await expect(page.getByText("No warnings: this token shows exactly as configured.")).toBeVisible();

  // Keys are validated with a reason, before anything is sent.
  await addForm.getByLabel("Key").fill(" title");
  await addForm.getByRole("button", { name: "Add field" }).click();
  await expect(addForm.locator('[data-field-error="key"]')).toContainText("starts or ends with a space");
  await addForm.getByLabel("Key").fill("Title");
  await expect(addForm.locator('[data-field-error="key"]')).toContainText("only in case or spacing");
  await addForm.getByLabel("Key").fill("");

  // The first field sits atop; the others are hidden until hover.
  await expect(headline).toHaveText("Seinfield");
  await expect(details).toBeHidden();
  await tile.hover();
  await expect(details).toBeVisible();
  await expect(details).toContainText("TitleProducer");
  await expect(details).toContainText("Interestscomedy");
  await expect(details).toContainText("Twitter / X@larrydavid");
  await page.mouse.move(0, 0);
  await expect(details).toBeHidden();

  // …and on keyboard focus: Tab from the switch before the tile.
  await page.getByLabel("Show hover details").focus();
  await page.keyboard.press("Tab");
  await expect(tile).toBeFocused();
  await expect(details).toBeVisible();
  await page.keyboard.press("Shift+Tab");
  await expect(details).toBeHidden();

  // The "You met with…" card links twitter and linkedin canonically.
  const card = page.getByTestId("met-card");
  await expect(card.getByRole("link", { name: /@larrydavid/ })).toHaveAttribute("href", "https://x.com/larrydavid");
  await expect(card.getByRole("link", { name: /linkedin\.com\/in\/larrydavid/ })).toHaveAttribute("href", "https://www.linkedin.com/in/larrydavid");

  // Reorder with the keyboard: focus stays on the moved field, the sample follows the field order.
  await page.getByRole("button", { name: "Move “title” up" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => rowKeys(page)).toEqual(["title", "organization", "interests", "twitter", "linkedin"]);
  await expect(page.getByRole("button", { name: "Move “title” down" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Moved “title” to position 1 of 5." })).toBeAttached();
  await expect(headline).toHaveText("Producer");
  await page.getByRole("button", { name: "Move “interests” down" }).click();
  await expect.poll(() => rowKeys(page)).toEqual(["title", "organization", "twitter", "interests", "linkedin"]);
  // The list moves before the server has the order: the toast says when it is saved, and a reload keeps it.
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Field order saved" }).filter({ hasText: "Moved “interests” to position 4 of 5." })).toBeVisible();
  await page.reload();
  expect(await rowKeys(page)).toEqual(["title", "organization", "twitter", "interests", "linkedin"]);
  await expect(headline).toHaveText("Producer");

  // The token's order decides, not the field list: list "interests" first in the sample.
  await expect(page.getByTestId("headline-rule")).toContainText("in the order the token lists them");
  await page.getByLabel("List them in the field order").uncheck();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Move pair “interests” up" }).click();
  await expect(page.getByTestId("sample-pair").first().getByLabel("Key of pair 1")).toHaveValue("interests");
  await expect(headline).toHaveText("comedy");
  await tile.hover();
  await expect(details.locator("[data-field]")).toHaveText(["TitleProducer", "OrganizationSeinfield", "Twitter / X@larrydavid", "LinkedInlinkedin.com/in/larrydavid"]);
  await page.mouse.move(0, 0);

  // Warnings follow the sample: a likely typo, a value too long for the tile, a bad twitter value.
  await page.getByLabel("Key of pair 1").fill("Interests ");
  await expect(warnings.locator("[data-code=key_likely_typo]")).toContainText("looks like “interests”");
  await expect(warnings.locator("[data-code=field_missing]")).toContainText("“interests”");
  await expect(headline).toHaveText("Producer");
  await page.getByLabel("Value of “organization”").fill("Seinfield Productions International Holdings Group");
  await expect(warnings.locator("[data-code=value_truncated]")).toContainText("the tile cuts it after 40: “Seinfield Productions International Hold…”");
  await page.getByLabel("Value of “twitter”").fill("javascript:alert(1)");
  await expect(warnings.locator("[data-code=invalid_link]")).toContainText("not a handle");
  await expect(card.getByRole("link", { name: /larrydavid/ })).toHaveCount(1);

  // An https avatarUrl is loaded by the browser, without a referrer; anything else falls back to initials.
  await page.getByLabel("avatarUrl").fill("https://images.example.com/larry.png");
  await expect(tile.locator("img")).toHaveAttribute("src", "https://images.example.com/larry.png");
  await expect(tile.locator("img")).toHaveAttribute("referrerpolicy", "no-referrer");
  await page.getByLabel("avatarUrl").fill("http://images.example.com/larry.png");
  await expect(tile.locator("img")).toHaveCount(0);
  await expect(tile.locator("[data-avatar=initials]")).toHaveText("LD");
  await expect(warnings.locator("[data-code=avatar_invalid]")).toContainText("not a public https:// image address");

  // JSON mode shows warnings a form cannot produce.
  await page.getByRole("button", { name: "Edit as JSON" }).click();
  await page.getByLabel("Token claims (JSON)").fill(JSON.stringify({ displayName: "Larry David", userProfile: [["title", 42], ["organization", "Seinfield"]] }));
  await page.getByRole("button", { name: "Apply JSON" }).click();
  await expect(warnings.locator("[data-code=value_not_string]")).toContainText('Send it as "42"');
  await expect(headline).toHaveText("Seinfield");
  await page.getByRole("button", { name: "Reset to the doc’s example" }).click();
  await expect(headline).toHaveText("Producer");

  // Edit a field's label: the preview shows it while typing, then it is saved.
  await page.getByRole("button", { name: "Edit “interests”" }).click();
  const row = page.getByTestId("field-row").filter({ has: page.getByRole("button", { name: "Save field" }) });
  await row.getByLabel("Label").fill("Loves");
  await page.getByLabel("Show hover details").check();
  await expect(details).toContainText("Loves");
  await row.getByRole("button", { name: "Save field" }).click();
  await expect(page.getByTestId("field-row").filter({ hasText: "Loves" })).toBeVisible();

  // Remove, with a confirmation that says what happens.
  await page.getByRole("button", { name: "Remove “linkedin”" }).click();
  await expect(page.getByRole("dialog")).toContainText("Tokens that send “linkedin” keep working");
  await page.getByRole("button", { name: "Remove field" }).click();
  await expect.poll(() => rowKeys(page)).toEqual(["title", "organization", "twitter", "interests"]);
  await expect(warnings.locator("[data-code=key_dropped]")).toContainText("“linkedin”");

  // The overview lists the fields; the audit log has every change.
  await page.goto(`/orgs/${org.slug}/events/${event.slug}`);
  await expect(page.getByRole("link", { name: "title, organization, twitter, interests" })).toBeVisible();
  await page.goto(`/orgs/${org.slug}/audit`);
  for (const text of ["Added a profile field", "Reordered the profile fields", "Changed a profile field", "Removed a profile field"]) {
    await expect(page.getByRole("table").getByText(text, { exact: true }).first()).toBeVisible();
  }
});

test("screenshots of the tile and the card, desktop and phone", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Spring Summit");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/fields`);
  for (const key of ["organization", "title", "interests", "twitter", "linkedin"]) await addField(page, key);
  await page.getByLabel("host", { exact: true }).check();
  await page.getByLabel("presenter", { exact: true }).check();

  const tile = page.getByTestId("stream-tile");
  await expect(tile.getByTestId("tile-headline")).toHaveText("Seinfield");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/profile-fields-desktop.png` });
  // Editing the sample further down: the preview stays in view beside it.
  await page.getByLabel("Value of “interests”").scrollIntoViewIfNeeded();
  await page.getByLabel("Value of “interests”").fill("comedy, golf, and a very long list of other interests");
  await page.screenshot({ path: `${SHOTS}/profile-fields-desktop-sample.png` });
  await page.getByRole("button", { name: "Reset to the doc’s example" }).click();
  await page.getByLabel("host", { exact: true }).check();
  await page.getByLabel("presenter", { exact: true }).check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await tile.screenshot({ path: `${SHOTS}/stream-tile-desktop.png` });
  await tile.hover();
  await tile.screenshot({ path: `${SHOTS}/stream-tile-hover-desktop.png` });
  await page.getByTestId("met-card").screenshot({ path: `${SHOTS}/met-card-desktop.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.mouse.move(0, 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the fields page scrolls sideways on a phone").toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/profile-fields-phone.png`, fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, part = 1; y < height; y += 1200, part++) {
    await page.screenshot({ path: `${SHOTS}/profile-fields-phone-${part}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(1200, height - y) } });
  }
  await tile.screenshot({ path: `${SHOTS}/stream-tile-phone.png` });
  await tile.focus();
  await tile.screenshot({ path: `${SHOTS}/stream-tile-focus-phone.png` });
  await page.getByTestId("met-card").screenshot({ path: `${SHOTS}/met-card-phone.png` });

  // Non-Latin, emoji and long values, at phone width.
  await page.getByRole("button", { name: "Edit as JSON" }).click();
  await page.getByLabel("Token claims (JSON)").fill(
    JSON.stringify({
      displayName: "Zoë Ångström-Ødegaard 🎬",
      roles: ["interpreter", "transcriber"],
      userProfile: [
        ["organization", "Seinfield Productions International Holdings Group"],
        ["title", "Producer"],
        ["twitter", "https://twitter.com/zoe_a"],
      ],
    }),
  );
  await page.getByRole("button", { name: "Apply JSON" }).click();
  await page.getByLabel("Show hover details").check();
  await tile.screenshot({ path: `${SHOTS}/stream-tile-long-phone.png` });
  await page.getByTestId("profile-warnings").screenshot({ path: `${SHOTS}/profile-warnings-phone.png` });
});

test("a viewer sees the fields and the preview but no controls, and a forged change is refused", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Viewer Fields Event");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/fields`);
  await addField(page, "organization");
  const captured = await captureServerAction(page, () => addField(page, "title"));

  const { link } = await inviteViewer(page, org.slug);

  const viewerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.202.0.1" } });
  const viewer = await viewerContext.newPage();
  await viewer.goto(new URL(link!).pathname);
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.getByLabel("Your name").fill("Vic Viewer");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByRole("button", { name: "Accept and join" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/orgs/${org.slug}/events$`));

  await viewer.goto(`/orgs/${org.slug}/events/${event.slug}/fields`);
  await expect(viewer.getByText("You are a viewer in this organization")).toBeVisible();
  expect(await rowKeys(viewer)).toEqual(["organization", "title"]);
  await expect(viewer.getByRole("button", { name: /^Move|^Edit “|^Remove “/ })).toHaveCount(0);
  await expect(viewer.getByRole("region", { name: "Add a field" })).toHaveCount(0);
  await expect(viewer.getByTestId("stream-tile").getByTestId("tile-headline")).toHaveText("Seinfield");

  const forged = await viewer.request.post(captured.url, {
    headers: { "Next-Action": captured.actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", origin: BASE_URL },
    data: captured.body.replace('"title"', '"forged"').replace('"Title"', '"Forged"'),
  });
  expect(await forged.text()).toContain("FORBIDDEN");
  await viewer.reload();
  expect(await rowKeys(viewer)).toEqual(["organization", "title"]);
  await viewerContext.close();
});
