import { generateKeyPairSync } from "node:crypto";
import { mkdirSync } from "node:fs";
import { SignJWT, importPKCS8 } from "jose";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, signUp, createOrganization, createEvent, createApiKey, BASE_URL } from "./support/fixtures";

/**
 * The HTTP API against the production server: a key rotation as a script would run it (the README's
 * curl script, step by step), token inspection, and the API reference page (screenshots on desktop
 * and a 390px phone land in screenshots/).
 */
const SHOTS = "screenshots";
mkdirSync(SHOTS, { recursive: true });

function client(request: APIRequestContext, key: string) {
  const headers = { Authorization: `Bearer ${key}` };
  return {
    get: (path: string, extraHeaders: Record<string, string> = {}) => request.get(`/api/v1${path}`, { headers: { ...headers, ...extraHeaders } }),
    post: (path: string, data?: unknown) => request.post(`/api/v1${path}`, { headers, ...(data === undefined ? {} : { data }) }),
    put: (path: string, data: unknown) => request.put(`/api/v1${path}`, { headers, data }),
  };
}

test("a script rotates an event's keys through the API without downtime, and inspects tokens", async ({ page, playwright }) => {
  await signUp(page);
  const org = await createOrganization(page);
  const event = await createEvent(page, org.slug, "API Rotation Event");
  const api = client(await playwright.request.newContext({ baseURL: BASE_URL }), await createApiKey(page, org.slug, "admin"));
  const keysPath = `/events/${event.slug}/keys`;

  // The first key: generated here, active at once; the private key comes back once.
  const first = await api.post(keysPath, { generate: { bits: 2048, privateKeyFormat: "pkcs8", keepPrivateKey: false }, activate: true, label: "first" });
  expect(first.status(), await first.text()).toBe(201);
  const { data: oldKey, privateKey } = await first.json();
  expect(privateKey.pem).toContain("BEGIN PRIVATE KEY");
  const signWith = async (pem: string, kid: string) =>
    new SignJWT({ displayName: "Script Attendee" }).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt().setExpirationTime("5m").sign(await importPKCS8(pem, "RS256"));
  const oldToken = await signWith(privateKey.pem, oldKey.kid);

  // Rotation: add the host's new public key, activate it, retire the old one, revoke it.
  const next = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const added = await api.post(keysPath, { publicKey: next.publicKey.export({ type: "spki", format: "pem" }).toString(), label: "next" });
  expect(added.status(), await added.text()).toBe(201);
  const newKey = (await added.json()).data;
  expect(newKey.status).toBe("standby");
  expect((await (await api.post(`${keysPath}/${newKey.kid}/activate`)).json()).data.status).toBe("active");
  const retired = await api.post(`${keysPath}/${oldKey.kid}/retire`);
  expect((await retired.json()).data).toMatchObject({ status: "retired", revocation: { safeToRevoke: false } });

  // A token the old key signed still gets in while it is retired; the inspector says so and consumes nothing.
  const inspected = await api.post(`/events/${event.slug}/tokens/inspect`, { token: oldToken });
  expect((await inspected.json()).data.verdict).toMatchObject({ accepted: true, keyStatus: "retired" });

  // Just retired, a token it signed may still be valid: revoking now needs an explicit yes (a leaked key).
  const early = await api.post(`${keysPath}/${oldKey.kid}/revoke`);
  expect(early.status()).toBe(422);
  expect((await early.json()).error).toMatchObject({ field: "acknowledgeUnsafeRevoke" });
  const revoked = await api.post(`${keysPath}/${oldKey.kid}/revoke`, { acknowledgeUnsafeRevoke: true });
  expect((await revoked.json()).health).toMatchObject({ active: 1, revoked: 1, noActiveKey: false });
  expect((await (await api.post(`${keysPath}/${oldKey.kid}/revoke`, { acknowledgeUnsafeRevoke: true })).json()).error).toMatchObject({ code: "PRECONDITION_FAILED" });
  expect((await (await api.post(`/events/${event.slug}/tokens/inspect`, { token: oldToken })).json()).data.verdict.reason).toBe("key_revoked");

  const newToken = await signWith(next.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), newKey.kid);
  expect((await (await api.post(`/events/${event.slug}/tokens/inspect`, { token: newToken })).json()).data.verdict.accepted).toBe(true);
  const jwks = await page.request.get(`/api/v1/events/${event.slug}/jwks.json`);
  expect(((await jwks.json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid)).toEqual([newKey.kid]);

  // Profile fields: the ordered list in, the same list out.
  const fields = [{ key: "organization", label: "Organization", kind: "text" }, { key: "linkedin", label: "LinkedIn", kind: "linkedin" }];
  expect((await api.put(`/events/${event.slug}/profile-fields`, { fields })).status()).toBe(200);
  expect((await (await api.get(`/events/${event.slug}/profile-fields`)).json()).data.map((f: { key: string }) => f.key)).toEqual(["organization", "linkedin"]);

  // The dashboard's audit log names the API key as the actor.
  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("cell", { name: /API key "e2e admin"/ }).first()).toBeVisible();

  // The same log through the API: filtered to the key changes, a page at a time, and as CSV.
  const audit = await api.get("/audit?action=key.&pageSize=2");
  expect(audit.status(), await audit.text()).toBe(200);
  const auditPage = await audit.json();
  expect(auditPage.pagination).toMatchObject({ page: 1, pageSize: 2 });
  expect(auditPage.pagination.total).toBeGreaterThanOrEqual(5);
  expect(auditPage.data[0]).toMatchObject({ action: "key.revoked", description: "Revoked a signing key", actor: { type: "api_key" }, eventSlug: event.slug });
  const csv = await api.get("/audit?action=key.", { Accept: "text/csv" });
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const rows = (await csv.text()).trim().split("\r\n");
  expect(rows[0]).toBe("at,actor,actorType,action,description,target,targetType,event,changes,details");
  expect(rows).toHaveLength(auditPage.pagination.total + 1);
  expect((await api.get("/audit?action=keys.")).status()).toBe(400);
});

test("the API reference lists every operation, grouped, with request fields and examples", async ({ page }) => {
  // Ten section screenshots of a page over 11,000 px long: slow on a loaded machine.
  test.setTimeout(120_000);
  await signUp(page);
  const org = await createOrganization(page);
  await page.goto(`/orgs/${org.slug}/api`);
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  for (const group of ["Events", "Profile fields", "Signing keys", "Tokens"]) await expect(page.getByRole("heading", { name: group, exact: true })).toBeVisible();
  const addKey = page.locator("#addKey");
  await expect(addKey.getByRole("table", { name: "addKey request body" })).toContainText("keepPrivateKey");
  await expect(addKey.getByText("2048 | 3072 | 4096")).toBeVisible();
  await expect(addKey.locator("pre").first()).toContainText(`${BASE_URL}/api/v1/events/$SLUG/keys`);
  await expect(page.locator("#retireKey")).toContainText("Request body (optional)");
  await expect(page.locator("#getJwks")).toContainText("public · no key");

  // Section shots to read at full size; the sticky header would otherwise cover their tops.
  const shots = async (device: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    // The whole page, light and dark, is in the page tour (e2e/pages.spec.ts).
    await page.screenshot({ path: `${SHOTS}/api-reference-top-${device}.png` });
    await page.addStyleTag({ content: "header { position: static !important; }" });
    await page.locator("#inspectToken details summary").click();
    for (const id of ["addKey", "retireKey", "replaceProfileFields", "inspectToken", "listEvents"]) {
      await page.locator(`#${id}`).screenshot({ path: `${SHOTS}/api-reference-${id}-${device}.png` });
    }
  };
  await shots("desktop");
  await page.reload();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await shots("phone");
  expect(overflow, "the API reference scrolls sideways on a phone").toBeLessThanOrEqual(0);
});
