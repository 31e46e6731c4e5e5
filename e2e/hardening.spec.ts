import Database from "better-sqlite3";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { test, expect, signUp, createOrganization, createEvent, addHostKey, hostToken, captureServerAction, clientAddress, BASE_URL, PASSWORD, uid } from "./support/fixtures";
import { startServer } from "./support/server";

/**
 * Hostile clients against the production build: forged client addresses (0 and 1 trusted hop),
 * open redirects, malformed paths, foreign-origin server actions, and the browser security headers.
 */

test.describe("the Content-Security-Policy and other browser headers", () => {
  test("every page gets a fresh nonce policy, Next's scripts carry it, and the pages work under it", async ({ page }) => {
    await signUp(page);
    const org = await createOrganization(page);
    const event = await createEvent(page, org.slug);
    const key = await addHostKey(page, org.slug, event.slug);
    const nonces = new Set<string>();
    for (const path of ["/orgs", `/orgs/${org.slug}/events`, `/orgs/${org.slug}/events/${event.slug}`, `/orgs/${org.slug}/events/${event.slug}/links`, `/orgs/${org.slug}/events/${event.slug}/debugger`, `/orgs/${org.slug}/members`, `/orgs/${org.slug}/audit`, "/sign-in", "/no-such-page"]) {
      const response = (await page.goto(path))!;
      const policy = response.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce, `${path}: ${policy}`).toBeTruthy();
      nonces.add(nonce!);
      for (const directive of ["'strict-dynamic'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"]) expect(policy, path).toContain(directive);
      expect(policy).not.toContain("unsafe-eval");
      expect(response.headers()["permissions-policy"]).toContain("camera=()");
      expect(response.headers()["cross-origin-opener-policy"]).toBe("same-origin");
      // The public URL of this run is http: no HSTS (the https run below has it).
      expect(response.headers()["strict-transport-security"]).toBeUndefined();
      const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce || (s.getAttribute("src") ? "external" : "none")));
      expect(scriptNonces.filter((n) => n === "none"), `${path}: inline scripts without the nonce`).toEqual([]);
    }
    expect(nonces.size).toBe(9);
    // A page that needs JavaScript works: the debugger checks a pasted token in the browser.
    await page.goto(`/orgs/${org.slug}/events/${event.slug}/debugger`);
    await page.getByLabel("Token", { exact: true }).fill(hostToken(key, { displayName: "Csp Carla" }));
    await page.getByRole("button", { name: "Check token" }).click();
    await expect(page.getByText("Csp Carla").first()).toBeVisible();
    // Attendee pages: the lobby and "You met with…" run under the policy as well.
    const response = (await page.goto(`/e/${event.slug}?token=${hostToken(key, { displayName: "Csp Carla" })}`))!;
    await expect(page).toHaveURL(new RegExp(`/e/${event.slug}/lobby$`));
    expect(response.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    await page.getByRole("button", { name: "Leave the event" }).click();
    await expect(page).toHaveURL(new RegExp(`/e/${event.slug}/met$`));
  });

  test("an attendee's refusal page carries the policy too", async ({ page }) => {
    const response = (await page.goto(`/e/${uid("nope")}?token=not-a-token`))!;
    expect(response.status()).toBe(404);
    expect(response.headers()["content-security-policy"]).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  });
});

test.describe("open redirects after sign-in", () => {
  test("a next= that a browser would repair into another site stays on the dashboard", async ({ page }) => {
    const { email } = await signUp(page);
    await page.context().clearCookies();
    const leaks: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== "localhost") {
        leaks.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    await page.goto("/sign-in?next=%2F%09%2Fevil.example");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/orgs/);
    expect(new URL(page.url()).host).toBe(new URL(BASE_URL).host);
    expect(leaks).toEqual([]);
  });
});

test.describe("malformed requests never get a 5xx", () => {
  test("undecodable paths answer 400 JSON on the API and the not-found page on the dashboard", async ({ page, request }) => {
    await signUp(page);
    const org = await createOrganization(page);
    const api = ["/api/v1/events/%ZZ", "/api/v1/events/%E0%A4%A", "/api/v1/events/x/keys/%ZZ/revoke", "/api/auth/%ZZ"];
    for (const path of api) {
      for (const method of ["GET", "PATCH", "POST"]) {
        const response = await request.fetch(path, { method, headers: { origin: BASE_URL } });
        expect(response.status(), `${method} ${path}`).toBe(400);
        expect((await response.json()).error.code).toBe("VALIDATION");
      }
    }
    for (const path of ["/orgs/%ZZ", `/orgs/${org.slug}/events/%ZZ`, `/orgs/${org.slug}/events/%E0%A4%A/keys`]) {
      const response = (await page.goto(path))!;
      expect(response.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
  });

  test("unknown paths under /api/v1 answer the API's JSON 404", async ({ request }) => {
    for (const path of ["/api/v1/nope", "/api/v1/events/x/keys/y/z", "/api/v1", "/api/v1/"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
  });

  test("a server action from a foreign, null or unparsable Origin is refused with 403, ours still works", async ({ page }) => {
    await signUp(page);
    const org = await createOrganization(page);
    await page.goto(`/orgs/${org.slug}/settings`);
    const captured = await captureServerAction(page, async () => {
      await page.getByRole("button", { name: "Save", exact: true }).click();
    });
    const client = await playwrightRequest.newContext({ storageState: await page.context().storageState(), extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
    try {
      const send = (origin: string | undefined, extra: Record<string, string> = {}) =>
        client.post(captured.url, {
          headers: { "Next-Action": captured.actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...(origin === undefined ? {} : { origin }), ...extra },
          data: captured.body,
        });
      for (const origin of ["https://evil.example", "null", "not a url", "http://localhost:1", "javascript:alert(1)", undefined]) {
        const response = await send(origin);
        expect(response.status(), `Origin ${origin}`).toBe(403);
      }
      expect((await send(BASE_URL)).status()).toBe(200);
    } finally {
      await client.dispose();
    }
  });
});

test.describe("forged client addresses behind one trusted proxy (TRUSTED_PROXY_HOPS=1)", () => {
  test("30 refusals sent in a victim's name lock out the sender, not the victim", async ({ page }) => {
    await signUp(page);
    const org = await createOrganization(page);
    const event = await createEvent(page, org.slug);
    const key = await addHostKey(page, org.slug, event.slug);
    const victim = clientAddress();
    const attacker = clientAddress();
    const client = await playwrightRequest.newContext({ baseURL: BASE_URL, maxRedirects: 0 });
    try {
      let last = 0;
      for (let i = 0; i < 31; i++) {
        // The attacker writes the victim's address; our proxy appends the attacker's real one.
        last = (await client.get(`/e/${event.slug}?token=forged.${i}.x`, { headers: { "x-forwarded-for": `${victim}, ${attacker}` } })).status();
      }
      expect(last).toBe(429);
      const victimEntry = await client.get(`/e/${event.slug}?token=${hostToken(key, { displayName: "Vic Tim" })}`, { headers: { "x-forwarded-for": victim } });
      expect(victimEntry.status()).toBe(303);
      expect(victimEntry.headers().location).toContain(`/e/${event.slug}/lobby`);
    } finally {
      await client.dispose();
    }
  });

  test("sign-in guesses stay limited to 3 per 10 s whatever the client prepends", async () => {
    const client = await playwrightRequest.newContext({ baseURL: BASE_URL });
    const real = clientAddress();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await client.post("/api/auth/sign-in/email", {
          headers: { origin: BASE_URL, "x-forwarded-for": `${clientAddress()}, ${real}` },
          data: { email: `${uid("nobody")}@example.com`, password: "wrong-password-123" },
        });
        statuses.push(response.status());
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429, 429]);
    } finally {
      await client.dispose();
    }
  });
});

/**
 * A second production server on the same database with the defaults a direct deployment has:
 * TRUSTED_PROXY_HOPS=0 (the socket's address) and an https public URL (Secure cookies, HSTS).
 */
test.describe("forged client addresses with no proxy (TRUSTED_PROXY_HOPS=0) and an https public URL", () => {
  const port = Number(process.env.E2E_PORT || 3100) + 5;
  const direct = `http://localhost:${port}`;
  const publicUrl = `https://localhost:${port}`;
  let server: Awaited<ReturnType<typeof startServer>>;
  let client: APIRequestContext;

  test.beforeAll(async () => {
    server = await startServer(port, { TRUSTED_PROXY_HOPS: "0", BETTER_AUTH_URL: publicUrl });
    client = await playwrightRequest.newContext({ baseURL: direct, extraHTTPHeaders: { origin: publicUrl } });
  });

  test.afterAll(async () => {
    await client?.dispose();
    await server?.stop();
  });

  test("X-Forwarded-For is ignored: sign-in guesses from one socket share one budget, sessions store the socket's address", async () => {
    const email = `${uid("direct")}@example.com`;
    const spoofed = clientAddress();
    const signUpResponse = await client.post("/api/auth/sign-up/email", { headers: { "x-forwarded-for": spoofed, "x-client-address": spoofed }, data: { email, password: PASSWORD, name: "Direct Dana" } });
    expect(signUpResponse.status(), await signUpResponse.text()).toBe(200);
    // Secure cookies because the public URL is https, whatever this hop speaks.
    const setCookie = signUpResponse.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    expect(setCookie.length).toBeGreaterThan(0);
    for (const cookie of setCookie) expect(cookie).toMatch(/;\s*Secure/i);
    expect(signUpResponse.headers()["strict-transport-security"]).toContain("max-age=");

    const database = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
    try {
      const stored = database.prepare(`SELECT s.ipAddress FROM session s JOIN user u ON u.id = s.userId WHERE u.email = ?`).all(email) as { ipAddress: string | null }[];
      expect(stored).toHaveLength(1);
      expect(stored[0]!.ipAddress).toMatch(/^(127\.0\.0\.1|::1)$/);
    } finally {
      database.close();
    }

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await client.post("/api/auth/sign-in/email", { headers: { "x-forwarded-for": clientAddress() }, data: { email, password: `wrong-${i}-password` } });
      statuses.push(response.status());
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });

  test("a forged X-Forwarded-Host does not make a foreign Origin ours", async () => {
    const response = await client.post("/orgs", { headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", "next-action": "7f".padEnd(42, "0") }, data: "[]" });
    expect(response.status()).toBe(403);
  });

  test("pages behind an https public URL send HSTS and upgrade-insecure-requests", async () => {
    const response = await client.get("/sign-in");
    expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("its logs are JSON lines with request ids and no password, token or key", async () => {
    await client.post("/api/auth/sign-in/email", { data: { email: "nobody@example.com", password: "Hunter2-never-logged" } });
    await client.get(`/api/v1/events/%ZZ`, { headers: { authorization: "Bearer evk_neverlogged123456" } });
    await client.get(`/e/${uid("x")}?token=eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln`);
    await client.post("/orgs", { headers: { origin: "https://evil.example", "next-action": "7f".padEnd(42, "0") }, data: "[]" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const text = server.output.join("");
    for (const secret of ["Hunter2-never-logged", "evk_neverlogged123456", "eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ", PASSWORD]) expect(text).not.toContain(secret);
    const lines = text.split("\n").filter((line) => line.startsWith("{"));
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
