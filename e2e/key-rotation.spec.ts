import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { mkdirSync } from "node:fs";
import { calculateJwkThumbprint } from "jose";
import type { APIRequestContext, Page } from "@playwright/test";
import { serveJson, startJwksServer } from "../test/jwks-server";
import { test, expect, signUp, createOrganization, createEvent, hostToken } from "./support/fixtures";
import { shoot } from "./support/shots";

/**
 * Key rotation as a new admin does it: following ONLY the "Next" box, while the host platform keeps
 * signing attendees in, from one key to another, and the guide ends at one active key. Then the Keys
 * tab with pasted, generated and JWKS-URL keys (screenshots at 1440 and 390 px in screenshots/).
 */
const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });
const dialog = (page: Page) => page.locator("dialog[open]");
const nextBox = (page: Page) => page.getByTestId("next-step");

const pair = () => generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwkOf = (publicKey: KeyObject) => publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string };

/** The platform signs a fresh token and the attendee arrives: signed in means a 303 to the lobby. */
async function platformSignsIn(request: APIRequestContext, slug: string, signer: { privateKey: KeyObject; kid: string }) {
  const token = hostToken(signer, { displayName: "Ada Lovelace" }, { jti: randomUUID() });
  const response = await request.get(`/e/${slug}?token=${token}`, { maxRedirects: 0, headers: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}` } });
  expect(response.status(), `a token signed with ${signer.kid} is accepted`).toBe(303);
  expect(response.headers().location).toContain(`/e/${slug}/lobby`);
}

test("a full rotation following only the Next box: the platform's tokens are accepted at every step, and it ends at one active key", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, undefined, "Rita Rotate");
  const org = await createOrganization(page, "Rotation Co");
  const event = await createEvent(page, org.slug, "Rotation Summit");
  await page.goto(`/orgs/${org.slug}/events/${event.slug}/keys`);

  // The platform's current key, as its JWKS publishes it: with its own kid, which its tokens carry.
  const a = pair();
  const oldKey = { privateKey: a.privateKey, kid: "platform-2026-q3" };
  await expect(nextBox(page)).toHaveAttribute("data-kind", "first");
  await nextBox(page).getByRole("button", { name: "Paste a public key" }).click();
  await dialog(page).getByLabel("Public key", { exact: true }).fill(JSON.stringify({ keys: [{ ...jwkOf(a.publicKey), kid: oldKey.kid, alg: "RS256", use: "sig" }] }));
  await expect(dialog(page).getByLabel("Activate it right away")).toBeChecked();
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await dialog(page).getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("host-kid")).toHaveText("kid “platform-2026-q3”");
  await platformSignsIn(page.request, event.slug, oldKey);

  // Next: add a new key on standby (the box offers it while one key is active).
  await expect(nextBox(page)).toHaveAttribute("data-kind", "idle");
  const b = pair();
  const newKey = { privateKey: b.privateKey, kid: await calculateJwkThumbprint(jwkOf(b.publicKey)) };
  await nextBox(page).getByRole("button", { name: "Paste a public key" }).click();
  await expect(dialog(page).getByLabel("Activate it right away")).not.toBeChecked();
  await expect(dialog(page)).toContainText("activate it (old and new keys both verify), switch your platform to sign with it, retire the old key");
  await dialog(page).getByLabel("Public key", { exact: true }).fill(b.publicKey.export({ type: "spki", format: "pem" }).toString());
  await dialog(page).getByRole("button", { name: "Add public key" }).click();
  await expect(dialog(page)).toContainText("Next: activate it here (old and new keys then both verify), switch your platform to sign with it, then retire the old key.");
  await dialog(page).getByRole("button", { name: "Done" }).click();
  await platformSignsIn(page.request, event.slug, oldKey);

  // Next: activate it. Both keys verify; the platform still signs with the old one.
  await expect(nextBox(page)).toHaveAttribute("data-kind", "activate");
  await expect(page.getByTestId("rotation-guide")).toHaveAttribute("data-step", "2");
  await shoot(page, "rotation-next-activate");
  await nextBox(page).getByRole("button", { name: new RegExp(`^Activate key ${newKey.kid.slice(0, 8)}`) }).click();
  await expect(dialog(page)).toContainText("old and new keys both verify");
  await dialog(page).getByLabel("Old and new keys may both stay active for").selectOption("1");
  await dialog(page).getByRole("button", { name: "Activate key" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await platformSignsIn(page.request, event.slug, oldKey);

  // Next: switch the platform, then retire the old key. The platform switches; tokens in flight still verify.
  await expect(nextBox(page)).toHaveAttribute("data-kind", "switch_then_retire");
  await expect(nextBox(page)).toContainText(`switch your platform to sign with ${newKey.kid.slice(0, 8)}`);
  await expect(page.getByTestId("rotation-guide")).toHaveAttribute("data-step", "3");
  await shoot(page, "rotation-next-switch");
  await platformSignsIn(page.request, event.slug, newKey);
  await platformSignsIn(page.request, event.slug, oldKey); // a token minted just before the switch
  await nextBox(page).getByRole("button", { name: /^Retire key/ }).click();
  await expect(dialog(page)).toContainText("keep working");
  await dialog(page).getByRole("button", { name: "Retire key" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await platformSignsIn(page.request, event.slug, newKey);
  await platformSignsIn(page.request, event.slug, oldKey); // retired keys still verify what they signed

  // Next: revoke the old key when safe. It is not safe yet, so the confirmation names who is refused.
  await expect(nextBox(page)).toHaveAttribute("data-kind", "revoke_retired");
  await expect(nextBox(page)).toContainText("Not safe to revoke yet");
  await shoot(page, "rotation-next-revoke");
  await nextBox(page).getByRole("button", { name: /^Revoke key/ }).click();
  await expect(dialog(page)).toContainText("Not safe yet: some attendees will be refused");
  const confirm = dialog(page).getByRole("button", { name: "Revoke key" });
  await expect(confirm).toBeDisabled();
  await dialog(page).getByLabel(/I understand: every still-valid token signed with key .{8} is refused from now on/).check();
  await page.screenshot({ path: `${SHOTS}/rotation-confirm-early-revoke-desktop.png` });
  await confirm.click();
  await expect(dialog(page)).toHaveCount(0);
  await platformSignsIn(page.request, event.slug, newKey);

  // The guide ends at one active key, and says there is nothing to do.
  await expect(nextBox(page)).toHaveAttribute("data-kind", "idle");
  await expect(page.getByTestId("key-group-active").getByTestId("key-row")).toHaveCount(1);
  await expect(page.getByTestId("key-group-active").getByTestId("key-row")).toHaveAttribute("data-kid", newKey.kid);
  await expect(page.getByTestId("rotation-guide")).toHaveAttribute("data-step", "idle");
  await platformSignsIn(page.request, event.slug, newKey);
});

test("the Keys tab with pasted, generated and JWKS-URL keys", async ({ page }) => {
  test.setTimeout(120_000);
  const host = pair();
  const server = await startJwksServer(
    serveJson({ keys: [{ ...jwkOf(host.publicKey), kid: "auth0-2026-11", alg: "RS256", use: "sig" }, { kty: "EC", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", kid: "ec-2026" }] }, { "cache-control": "max-age=300" }),
  );
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signUp(page, undefined, "Uma URL");
    const org = await createOrganization(page, "Url Keys Ltd");
    const event = await createEvent(page, org.slug, "Follow The Host");
    await page.goto(`/orgs/${org.slug}/events/${event.slug}/keys`);

    // A pasted key (active) and a generated one (standby).
    await page.getByRole("button", { name: "Paste a public key" }).click();
    await dialog(page).getByLabel("Public key", { exact: true }).fill(pair().publicKey.export({ type: "spki", format: "pem" }).toString());
    await dialog(page).getByLabel("Label (optional)").fill("Platform 2026");
    await dialog(page).getByRole("button", { name: "Add public key" }).click();
    await dialog(page).getByRole("button", { name: "Done" }).click();
    await nextBox(page).getByRole("button", { name: "Generate key" }).click();
    await dialog(page).getByLabel("Keep no copy: only my download exists").check();
    await dialog(page).getByRole("button", { name: "Generate key" }).click();
    const downloading = page.waitForEvent("download");
    await dialog(page).getByRole("button", { name: "Download private key" }).click();
    await downloading;
    await dialog(page).getByRole("button", { name: "Done" }).click();

    // Follow the host's JWKS URL: the trial fetch shows what was taken and what was skipped.
    const group = page.getByTestId("jwks-url-group");
    await group.getByLabel("JWKS URL").fill(server.url());
    await group.getByRole("button", { name: "Fetch and follow" }).click();
    await expect(group.getByTestId("jwks-trial")).toContainText("Fetched: 1 key now verifies tokens");
    await expect(group.getByTestId("jwks-trial")).toContainText("Skipped ec-2026: This is an elliptic-curve JWK");
    await expect(group.getByTestId("key-row")).toHaveCount(1);
    await expect(group.getByTestId("host-kid")).toHaveText("kid “auth0-2026-11”");
    await expect(group).toContainText("From JWKS URL");
    await expect(group.getByRole("button", { name: /Revoke|Retire|Activate/ })).toHaveCount(0);
    await expect(group.getByTestId("jwks-fetch-status")).toContainText("Last good fetch:");

    // A token the host signs under its own kid signs in.
    await platformSignsIn(page.request, event.slug, { privateKey: host.privateKey, kid: "auth0-2026-11" });
    await page.reload();
    await shoot(page, "keys-pasted-generated-url");

    // A refused URL, with its reason, changes nothing.
    await group.getByLabel("JWKS URL").fill(server.url("/missing"));
    server.respond = (req, res) => (req.url === "/missing" ? res.writeHead(404).end() : res.end("{}"));
    await group.getByRole("button", { name: "Fetch and save" }).click();
    await expect(group.locator('[data-field-error="jwksUrl"]')).toContainText("answered HTTP 404");
    await expect(group.getByTestId("key-row")).toHaveCount(1);
  } finally {
    await server.close();
  }
});
