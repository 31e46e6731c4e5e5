import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, signUp, createOrganization, createEvent, addField, addHostKey, addKeptKey, createApiKey, hostToken, BASE_URL } from "./support/fixtures";
import { startServer } from "./support/server";
import { Tour } from "./support/tour";

/**
 * The page tour: every page a person can reach (sign-in and account pages, the dashboard, the API
 * reference, the outbox, the attendee pages and the problem pages) at 1440 and 390 px, light and dark, into
 * screenshots/. No page scrolls sideways on a phone, and axe-core finds no serious or critical
 * violation at either width (e2e/support/tour.ts). Along the way it checks the debugger's failure
 * views and the audit log's export, which need the data the tour creates anyway.
 */
// 144 screenshots and 96 axe scans: a trace of them all would cost more than the tour itself.
test.use({ trace: "off" });

const h1 = (page: Page, name?: string | RegExp) => expect(page.getByRole("heading", { level: 1, ...(name ? { name } : {}) }).first()).toBeVisible();


test("page tour: every page at 1440 and 390 px, light and dark, fits the screen and passes axe", async ({ page, browser, playwright }) => {
  test.setTimeout(12 * 60_000);
  const tour = new Tour();
  await page.setViewportSize({ width: 1440, height: 900 });

  // Signed out.
  for (const [path, name, heading] of [
    ["/sign-in", "auth-sign-in", "Sign in"],
    ["/sign-up", "auth-sign-up", "Create an account"],
    ["/forgot-password", "auth-forgot-password", /password/i],
    ["/reset-password", "auth-reset-password", /reset link/i],
  ] as const) {
    await page.goto(path);
    await h1(page, heading);
    await tour.visit(page, name);
  }

  // An admin with an organization, events, keys, fields, a test link and an invitation.
  await signUp(page, undefined, "Ada Admin");
  await page.goto("/orgs");
  await h1(page, "Your organizations");
  await tour.visit(page, "orgs-empty", { axe: false });
  const org = await createOrganization(page, "Acme Virtual Events");
  for (const name of ["Spring Summit", "Partner Day"]) await createEvent(page, org.slug, name);
  const event = await createEvent(page, org.slug, "Autumn Conference 2027");
  const eventPath = `/orgs/${org.slug}/events/${event.slug}`;

  await page.goto(eventPath);
  await h1(page, "Autumn Conference 2027");
  await tour.visit(page, "event-overview-new");

  // The kept key first: test links are signed with the most recently activated key the dashboard keeps.
  await addKeptKey(page, org.slug, event.slug);
  await page.goto(`${eventPath}/fields`);
  await addField(page, "organization");
  await addField(page, "title");

  const apiKey = await createApiKey(page, org.slug, "admin");
  const api = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${apiKey}` } });
  const issue = async (data: Record<string, unknown>) => {
    const response = await api.post(`/api/v1/events/${event.slug}/links`, { data });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { data: { url: string } }).data.url;
  };
  const oneOff = await issue({ displayName: "Rhea Tour", kind: "one_off", userProfile: [["organization", "Acme"], ["title", "Speaker"]], roles: ["presenter"] });
  await issue({ displayName: "Long Lived Larry", kind: "long_lived", lifetimeSeconds: 86400 });
  const hostKey = await addHostKey(page, org.slug, event.slug);

  await page.goto(`/orgs/${org.slug}/members`);
  await page.getByLabel("Email").fill("colleague@example.com");
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByTestId("invitation-link")).toBeVisible();
  const invitation = (await page.getByTestId("invitation-link").textContent())!;

  // The attendee's side, in a browser of their own.
  const attendee = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.61.1.1" } });
  const tab = await attendee.newPage();
  await tab.setViewportSize({ width: 1440, height: 900 });
  await tab.goto(new URL(oneOff).pathname + new URL(oneOff).search);
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/continue$`));
  await tour.visit(tab, "attendee-continue");
  await tab.getByRole("button", { name: /Continue as Rhea Tour/ }).click();
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/lobby$`));
  await tour.visit(tab, "attendee-lobby");
  await tab.getByRole("button", { name: "Leave the event" }).click();
  await expect(tab).toHaveURL(new RegExp(`/e/${event.slug}/met$`));
  await tour.visit(tab, "attendee-met");
  const expired = hostToken(hostKey, { displayName: "Late Larry", iat: Math.floor(Date.now() / 1000) - 3600 }, { expiresIn: 60 });
  expect((await tab.goto(`/e/${event.slug}?token=${expired}`))?.status()).toBe(401);
  await expect(tab.getByTestId("reason-code")).toHaveText("expired");
  await tour.visit(tab, "attendee-problem-expired");
  expect((await tab.goto(`/e/no-such-event-${randomUUID().slice(0, 8)}?token=a.b.c`))?.status()).toBe(404);
  await tour.visit(tab, "attendee-problem-event-not-found");
  await attendee.close();

  // The dashboard, page by page.
  const dashboard: Array<[string, string, string | RegExp]> = [
    ["/orgs", "orgs", "Your organizations"],
    [`/orgs/${org.slug}/events`, "events", "Events"],
    [`/orgs/${org.slug}/events/new`, "event-new", "New event"],
    [eventPath, "event-overview", "Autumn Conference 2027"],
    [`${eventPath}/activity`, "event-activity", "Autumn Conference 2027"],
    [`${eventPath}/fields`, "event-fields", "Autumn Conference 2027"],
    [`${eventPath}/keys`, "event-keys", "Autumn Conference 2027"],
    [`${eventPath}/links`, "event-links", "Autumn Conference 2027"],
    [`${eventPath}/snippets`, "event-snippets", "Autumn Conference 2027"],
    [`${eventPath}/settings`, "event-settings", "Autumn Conference 2027"],
    [`/orgs/${org.slug}/members`, "org-members", "Members"],
    [`/orgs/${org.slug}/settings`, "org-settings", "Organization settings"],
    [`/orgs/${org.slug}/api-keys`, "org-api-keys", "API keys"],
    ["/account", "account", "Account and security"],
  ];
  for (const [path, name, heading] of dashboard) {
    await page.goto(path);
    await h1(page, heading);
    await tour.visit(page, name);
  }

  // The API reference keeps its contents in view on a wide screen.
  await page.goto(`/orgs/${org.slug}/api`);
  await h1(page, "API reference");
  await page.getByTestId("api-toc").getByRole("link", { name: "/audit" }).click();
  await expect(page.locator("#listAuditLog")).toBeInViewport();
  await expect(page.getByTestId("api-toc")).toBeInViewport();
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector("[data-testid=api-toc]")?.scrollTo(0, 0);
  });
  await tour.visit(page, "org-api-reference");

  // The debugger on failures: garbage and a tampered token, then an accepted token.
  await page.goto(`${eventPath}/debugger`);
  await h1(page, "Autumn Conference 2027");
  const result = page.getByTestId("debugger-result");
  const check = async (token: string) => {
    await page.getByLabel("Token").fill(token);
    await page.getByRole("button", { name: "Check token" }).click();
    await expect(result).toBeVisible();
  };
  await check("this is not a token");
  await expect(result.getByRole("alert")).toContainText("This is not a token the entry can read");
  await expect(result).not.toContainText(/acceptable/i);
  await expect(result.locator('[data-check="claims"]')).toHaveAttribute("data-state", "not_run");
  await tour.visit(page, "event-debugger-garbage", { axe: false });
  const [header, payload, signature] = hostToken(hostKey, { displayName: "Larry", roles: ["presenter"] }).split(".");
  const forged = Buffer.from(Buffer.from(payload!, "base64url").toString().replace('"Larry"', '"Mallory"').replace('"presenter"', '"host"')).toString("base64url");
  await check(`${header}.${forged}.${signature}`);
  await expect(result.getByRole("alert")).toContainText("The signature does not verify");
  await expect(result.getByRole("alert")).toContainText("What to fix");
  await expect(result.getByTestId("stream-tile")).toHaveCount(0);
  await expect(result).not.toContainText("No profile warnings");
  await expect(result.locator('[data-check="claims"]')).toHaveAttribute("data-state", "unverified");
  await tour.visit(page, "event-debugger-tampered");
  await check(hostToken(hostKey, { displayName: "Dee Bugger", userProfile: [["organization", "Acme"]], roles: ["host"] }));
  await expect(result.getByText("The entry would accept this token")).toBeVisible();
  await expect(result.getByTestId("stream-tile")).toContainText("Dee Bugger");
  await tour.visit(page, "event-debugger-accepted");

  // The audit log: labelled details, the grouped action filter, and the CSV of what the filters select.
  await page.goto(`/orgs/${org.slug}/audit`);
  await h1(page, "Audit log");
  await expect(page.getByTestId("audit-details").first()).toBeVisible();
  await tour.visit(page, "org-audit");
  await page.getByLabel("Action").selectOption("key.");
  await expect(page).toHaveURL(/action=key\./);
  await expect(page.getByRole("cell", { name: /Added a public signing key/ }).first()).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("at,actor,actorType,action,description,target,targetType,event,changes,details");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => /,key\.[a-z_]+,/.test(line))).toBe(true);
  await tour.visit(page, "org-audit-filtered", { axe: false });

  // The outbox is there only on a server that keeps mail instead of sending it (no SMTP_URL, as
  // `npm run demo` runs); this run's server sends through SMTP, so a second one on port +6 shows it.
  const keeper = await startServer(Number(new URL(BASE_URL).port) + 6, { SMTP_URL: undefined, MAIL_OUTBOX: "1" });
  try {
    const outbox = `${keeper.url}/orgs/${org.slug}/outbox`;
    await page.goto(outbox);
    await h1(page, "Outbox");
    await expect(page.getByText("No mail yet.")).toBeVisible();
    await tour.visit(page, "org-outbox-empty", { axe: false });
    await page.goto(`${keeper.url}/orgs/${org.slug}/members`);
    await page.getByLabel("Email").fill("speaker@example.com");
    await page.getByRole("button", { name: "Create invitation" }).click();
    await expect(page.getByText("We emailed this link to speaker@example.com")).toBeVisible();
    await page.goto(outbox);
    await h1(page, "Outbox");
    const mail = page.getByTestId("outbox-mail");
    await expect(mail).toHaveCount(1);
    await expect(mail).toContainText("to speaker@example.com");
    // Opened, so the shots show the mail's text and its long invitation link.
    await mail.locator("summary").click();
    await expect(mail.getByRole("link", { name: /\/invite\// })).toBeVisible();
    await tour.visit(page, "org-outbox");
  } finally {
    await keeper.stop();
  }

  // Not found, inside the dashboard.
  await page.goto(`/orgs/${org.slug}/events/no-such-event`);
  await tour.visit(page, "not-found");

  // Signed out again: the invitation and the two-factor step (which sends a visitor without a pending sign-in back).
  await page.context().clearCookies();
  await page.goto(new URL(invitation).pathname);
  await h1(page, /Join Acme Virtual Events/);
  await tour.visit(page, "auth-invitation");
  await page.goto("/sign-in/two-factor");
  await tour.visit(page, "auth-two-factor");
  const missing = await page.goto(`/orgs/${org.slug}/events/nope`);
  expect(missing?.status()).toBe(200); // signed out: redirected to sign-in
  await expect(page).toHaveURL(/sign-in/);

  const problems = tour.report();
  expect(problems, `${problems.length} problem(s); see screenshots/tour-report.json`).toEqual([]);
});
