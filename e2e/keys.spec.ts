import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { calculateJwkThumbprint } from "jose";
import type { Locator, Page } from "@playwright/test";
import { openSshLine } from "../test/keys";
import { test, expect, signUp, createOrganization, createEvent, captureServerAction, replayServerAction, addViewer } from "./support/fixtures";
import { shoot } from "./support/shots";

/**
 * Signing keys in the browser: generate and download, paste (text and file), rotate, revoke; a
 * private key is refused and nothing is stored; viewers see but cannot change. Screenshots of the
 * page and its dialogs (desktop and a 390px phone) land in screenshots/.
 */
const keyRows = (page: Page) => page.getByTestId("key-row");
const group = (page: Page, status: string) => page.getByTestId(`key-group-${status}`);
const dialog = (page: Page) => page.locator("dialog[open]");

async function openKeys(page: Page, orgSlug: string, eventSlug: string) {
  await page.goto(`/orgs/${orgSlug}/events/${eventSlug}`);
  await page.getByRole("link", { name: "Keys", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${eventSlug}/keys$`));
}

async function confirmIn(page: Page, scope: Locator, buttonName: RegExp, confirmLabel: string, screenshot?: string) {
  await scope.getByRole("button", { name: buttonName }).click();
  await expect(dialog(page)).toBeVisible();
  if (screenshot) await shoot(page, screenshot, { phone: true, fullPage: false });
  await dialog(page).getByRole("button", { name: confirmLabel }).click();
  await expect(dialog(page)).toHaveCount(0);
}

test("generate and download a key, paste another, rotate to it and revoke the old one", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, undefined, "Kim Keys");
  const org = await createOrganization(page, "Keys Inc");
  const event = await createEvent(page, org.slug, "Key Rotation Day");

  // The overview's checklist leads to the keys page.
  await expect(page.getByTestId("setup-checklist").locator('[data-step="key"]')).toContainText("no attendee can sign in");
  await page.getByRole("link", { name: "Add a signing key" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.slug}/keys$`));
  await expect(page.getByRole("alert").filter({ hasText: "No active signing key" })).toBeVisible();
  await shoot(page, "keys-empty");

  // Generate: the copy decision is required, then the private key is offered once as a download.
  await page.getByRole("button", { name: "Generate key" }).click();
  await expect(dialog(page).getByLabel("Activate it right away")).toBeChecked();
  await shoot(page, "keys-generate-dialog", { fullPage: false });
  await dialog(page).getByRole("button", { name: "Generate key" }).click();
  await expect(dialog(page).locator('[data-field-error="keepPrivateKey"]')).toContainText("Choose whether the dashboard keeps");
  await dialog(page).getByLabel("Keep an encrypted copy, so I can issue test links here").check();
  await dialog(page).getByLabel("Label (optional)").fill("First key");
  await dialog(page).getByRole("button", { name: "Generate key" }).click();
  await expect(dialog(page).getByRole("heading", { name: /generated: download its private key now/ })).toBeVisible();
  await shoot(page, "keys-generated-dialog", { fullPage: false });
  const downloading = page.waitForEvent("download");
  await dialog(page).getByRole("button", { name: "Download private key" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${event.slug}-[A-Za-z0-9_-]{8}\\.key$`));
  const pem = readFileSync((await download.path())!, "utf8");
  expect(pem).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END (RSA )?PRIVATE KEY-----\n$/);
  expect(pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/); // PKCS#1 is the default, like the doc's ssh-keygen
  // The downloaded key is the private half of the key the page shows.
  const generatedKid = await calculateJwkThumbprint(createPublicKey(createPrivateKey(pem)).export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string });
  await expect(dialog(page).getByText(generatedKid)).toBeVisible();
  await dialog(page).getByRole("button", { name: "Done" }).click();
  const oldRow = page.locator(`[data-testid="key-row"][data-kid="${generatedKid}"]`);
  await expect(group(page, "active").locator(oldRow)).toBeVisible();
  await expect(oldRow).toContainText("First key");
  await expect(oldRow).toContainText("Private key kept (encrypted)");
  await expect(oldRow).toContainText("Never used");
  await expect(page.getByRole("alert").filter({ hasText: "No active signing key" })).toHaveCount(0);

  // Paste a public key (an ssh-rsa line from a .pub file); it starts on standby.
  const next = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
  const nextKid = await calculateJwkThumbprint(next.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string });
  await page.getByRole("button", { name: "Paste a public key" }).click();
  await expect(dialog(page).getByLabel("Activate it right away")).not.toBeChecked();
  await dialog(page).getByLabel("Public key file").setInputFiles({ name: "frameable.key.pub", mimeType: "text/plain", buffer: Buffer.from(`${openSshLine(next)}\n`) });
  await expect(dialog(page).getByLabel("Public key", { exact: true })).toHaveValue(/^ssh-rsa AAAA/);
  await shoot(page, "keys-paste-dialog", { fullPage: false });
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await expect(dialog(page).getByText("Recognised an OpenSSH public key")).toBeVisible();
  await dialog(page).getByRole("button", { name: "Done" }).click();
  const newRow = page.locator(`[data-testid="key-row"][data-kid="${nextKid}"]`);
  await expect(group(page, "standby").locator(newRow)).toBeVisible();
  await expect(newRow).toContainText("Uploaded");

  // The same key again, as SPKI PEM: refused, pointing to the existing key.
  await page.getByRole("button", { name: "Paste a public key" }).click();
  await dialog(page).getByLabel("Public key", { exact: true }).fill(next.export({ type: "spki", format: "pem" }).toString());
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await expect(dialog(page).locator('[data-refusal="duplicate"]')).toContainText(`already on this event as key ${nextKid.slice(0, 8)}`);
  await page.keyboard.press("Escape");
  await expect(keyRows(page)).toHaveCount(2);

  // Guided rotation: each step's confirmation says what happens.
  const guide = page.getByTestId("rotation-guide");
  await expect(guide).toHaveAttribute("data-step", "2");
  await shoot(page, "keys-rotation-step2");
  await confirmIn(page, guide, new RegExp(`Activate key ${nextKid.slice(0, 8)}`), "Activate key", "keys-confirm-activate");
  await expect(group(page, "active").getByTestId("key-row")).toHaveCount(2);
  await expect(guide).toHaveAttribute("data-step", "3");
  await guide.getByRole("button", { name: new RegExp(`Retire key ${generatedKid.slice(0, 8)}`) }).click();
  await expect(dialog(page)).toContainText("keep working");
  await expect(dialog(page)).not.toContainText("only active key");
  await page.keyboard.press("Escape");
  await confirmIn(page, guide, new RegExp(`Retire key ${generatedKid.slice(0, 8)}`), "Retire key", "keys-confirm-retire");
  await expect(group(page, "retired").locator(oldRow)).toBeVisible();
  await expect(oldRow.getByTestId("revocation-note")).toContainText("Not safe to revoke yet");
  await expect(guide).toHaveAttribute("data-step", "5");
  await shoot(page, "keys-rotation-step5");
  await guide.getByRole("button", { name: new RegExp(`Revoke key ${generatedKid.slice(0, 8)}`) }).click();
  await expect(dialog(page)).toContainText("refused from now on");
  await expect(dialog(page)).toContainText("Not safe to revoke yet");
  await expect(dialog(page)).toContainText("encrypted copy of its private key is deleted");
  await shoot(page, "keys-confirm-revoke", { fullPage: false });
  // Before it is safe, revoking takes an explicit yes that names the tokens refused.
  await expect(dialog(page).getByRole("button", { name: "Revoke key" })).toBeDisabled();
  await dialog(page).getByLabel(/I understand: every still-valid token signed with key/).check();
  await dialog(page).getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(group(page, "revoked").locator(oldRow)).toBeVisible();
  await expect(oldRow).not.toContainText("Private key kept");
  await expect(group(page, "active").locator(newRow)).toBeVisible();
  await expect(guide).toHaveAttribute("data-step", "idle");
  // A revoked key offers no way back.
  await expect(oldRow.getByRole("button", { name: /Activate|Retire|Revoke/ })).toHaveCount(0);
  await shoot(page, "keys-after-rotation");

  // The public JWKS lists only the active key now.
  const jwks = await page.request.get(`/api/v1/events/${event.slug}/jwks.json`);
  expect(jwks.headers()["cache-control"]).toBe("public, max-age=300");
  expect(((await jwks.json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid)).toEqual([nextKid]);

  // Retiring the last active key needs an explicit acknowledgement.
  await newRow.getByRole("button", { name: /Retire key/ }).click();
  await expect(dialog(page)).toContainText("This is the event's only active key");
  await expect(dialog(page).getByRole("button", { name: "Retire key" })).toBeDisabled();
  await shoot(page, "keys-confirm-retire-last", { fullPage: false });
  await page.keyboard.press("Escape");

  await page.goto(`/orgs/${org.slug}/audit`);
  for (const action of ["Generated a signing key", "Added a public signing key", "Activated a signing key", "Retired a signing key", "Revoked a signing key"]) {
    await expect(page.getByRole("row").filter({ hasText: action }).first()).toBeVisible();
  }
});

test("a pasted private key is refused, and nothing is stored", async ({ page }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug);
  await openKeys(page, org.slug, event.slug);
  await expect(keyRows(page)).toHaveCount(0);
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  // A PEM private key is caught in the browser: never sent, and the field is emptied.
  await page.getByRole("button", { name: "Paste a public key" }).click();
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) sent.push(r.postData() ?? "");
  });
  await dialog(page).getByLabel("Public key", { exact: true }).fill(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const refusal = dialog(page).locator('[data-refusal="private_key"]');
  await expect(refusal).toContainText("It was NOT stored");
  await expect(refusal).toContainText("Treat it as exposed");
  await expect(refusal).toContainText("it never left this browser");
  await expect(refusal).toContainText("openssl rsa -in frameable.key -pubout -outform PEM -out frameable.pub.pem");
  await expect(dialog(page).getByLabel("Public key", { exact: true })).toHaveValue("");
  await shoot(page, "keys-private-key-refused", { fullPage: false });
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await expect(dialog(page).locator('[data-refusal="empty"]')).toBeVisible();
  expect(sent).toEqual([]);

  // A private key the browser cannot recognise (bare DER, no BEGIN line) is refused by the server.
  await dialog(page).getByLabel("Public key", { exact: true }).fill(privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"));
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await expect(dialog(page).locator('[data-refusal="private_key"]')).toContainText("It was NOT stored. Treat it as exposed");
  expect(sent).toHaveLength(1);

  // An EC key is refused too, with the command that makes an RSA key.
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
  await dialog(page).getByLabel("Public key", { exact: true }).fill(ec.export({ type: "spki", format: "pem" }).toString());
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await expect(dialog(page).locator('[data-refusal="not_rsa"]')).toContainText("ssh-keygen -b 2048 -m PEM -t rsa");
  await page.keyboard.press("Escape");

  await page.reload();
  await expect(keyRows(page)).toHaveCount(0);
  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "signing key" })).toHaveCount(0);
});

test("a viewer sees the keys but gets no controls, and a forged key action is refused", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "Viewer Keys");
  await openKeys(page, org.slug, event.slug);
  await page.getByRole("button", { name: "Paste a public key" }).click();
  await dialog(page).getByLabel("Public key", { exact: true }).fill(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString());
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await dialog(page).getByRole("button", { name: "Done" }).click();
  const active = group(page, "active").getByTestId("key-row");
  await expect(active).toHaveCount(1);
  const keyId = (await active.getAttribute("data-key-id"))!;

  // The owner's real "revoke" of a second, standby key, captured to replay as the viewer against the active key.
  await page.getByRole("button", { name: "Paste a public key" }).click();
  await dialog(page).getByLabel("Public key", { exact: true }).fill(openSshLine(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey));
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await dialog(page).getByRole("button", { name: "Done" }).click();
  const standby = group(page, "standby").getByTestId("key-row");
  const standbyId = (await standby.getAttribute("data-key-id"))!;
  await standby.getByRole("button", { name: /Revoke key/ }).click();
  await expect(dialog(page)).toContainText("never active, so no attendee is affected");
  const captured = await captureServerAction(page, () => dialog(page).getByRole("button", { name: "Revoke key" }).click());
  await expect(group(page, "revoked").getByTestId("key-row")).toHaveCount(1);

  const { viewer, context } = await addViewer(page, browser, org.slug);
  await viewer.goto(`/orgs/${org.slug}/events/${event.slug}/keys`);
  await expect(viewer.getByText("You are a viewer in this organization")).toBeVisible();
  await expect(viewer.getByTestId("key-row")).toHaveCount(2);
  await expect(viewer.getByRole("button", { name: /Generate key|Paste a public key|Activate|Retire|Revoke/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Copy PEM" }).first()).toBeVisible();
  await shoot(viewer, "keys-viewer");

  const forged = await replayServerAction(viewer, captured, captured.body.replace(standbyId, keyId));
  expect(forged.text).toContain("FORBIDDEN");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/keys`);
  await expect(group(page, "active").getByTestId("key-row")).toHaveCount(1);
  await context.close();
});
