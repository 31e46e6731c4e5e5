import { generate } from "otplib";
import type { Page } from "@playwright/test";
import { test, expect, signUp, createOrganization, createEvent, addKeptKey, addViewer, clientAddress, issueOneOffLink, newClientPage, uid, PASSWORD, BASE_URL } from "./support/fixtures";
import { linkFrom, waitForMail } from "./support/mail";
import { shoot } from "./support/shots";

/**
 * Admin accounts (issue 14): password reset by email through a real SMTP server, an authenticator
 * app with recovery codes, passkeys with Chromium's virtual authenticator, the organization's
 * "members must use two-factor" rule, devices, and the test link mailed to a speaker.
 */
const DESKTOP = { width: 1440, height: 900 };

/** The auth budgets count per client address: a new one starts full, where waiting out the 10 s window only slows the run. */
const fromNewAddress = (page: Page) => page.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });

/** The code an authenticator app shows `offsetSeconds` from now (the server checks one period either side). */
const totp = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function signInWithPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle"); // hydrated: the form posts through Better Auth's client
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Turns on the authenticator app from the account page; returns its secret and the recovery codes shown once. */
async function turnOnTotp(page: Page, accountPath = "/account") {
  if (!page.url().endsWith(accountPath)) await page.goto(accountPath);
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("Code from the app").fill("12345");
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByText("Enter the 6-digit code your authenticator app shows now.")).toBeVisible();
  await page.getByLabel("Code from the app").fill(await totp(secret));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByText("Two-factor is on")).toBeVisible();
  const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

test("forgot password: the mail arrives at the SMTP server, its link sets a new password once, and every old session ends", async ({ page, browser }) => {
  const { email } = await signUp(page, undefined, "Rita Reset");
  const otherDevice = await newClientPage(browser);
  await signInWithPassword(otherDevice, email);
  await expect(otherDevice).toHaveURL(/\/orgs/);

  const visitor = await newClientPage(browser);
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await expect(visitor.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await visitor.getByLabel("Email").fill("not-an-address");
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await expect(visitor.getByText("Enter the email address of your account")).toBeVisible();
  await shoot(visitor, "forgot-password", { desktop: DESKTOP });
  // An unknown address gets the same answer as a real one.
  await visitor.getByLabel("Email").fill(`${uid("nobody")}@example.com`);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  const unknownAnswer = await visitor.getByRole("status").textContent();
  await visitor.goto("/forgot-password");
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect((await visitor.getByRole("status").textContent())!.replace(email, "X")).toBe(unknownAnswer!.replace(/\S+@example\.com/, "X"));

  const mail = await waitForMail(email, /Reset your password/);
  expect(mail.html).toBeTruthy();
  expect(mail.text).toContain("works once, for 30 minutes");
  const link = linkFrom(mail, "/api/auth/reset-password/");
  expect(link.startsWith(`${BASE_URL}/api/auth/reset-password/`)).toBe(true);

  await visitor.goto(link);
  await expect(visitor).toHaveURL(/\/reset-password\?token=/);
  await visitor.getByLabel("New password", { exact: true }).fill("brand-new-password-1");
  await visitor.getByLabel("New password again").fill("brand-new-password-2");
  await visitor.getByRole("button", { name: "Save new password" }).click();
  await expect(visitor.getByText("The two passwords differ")).toBeVisible();
  await visitor.getByLabel("New password again").fill("brand-new-password-1");
  await shoot(visitor, "reset-password", { desktop: DESKTOP });
  await visitor.getByRole("button", { name: "Save new password" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?notice=password-reset/);
  await expect(visitor.getByText("Your password was changed and every device was signed out")).toBeVisible();

  // Both earlier sessions ended.
  for (const old of [page, otherDevice]) {
    await old.goto("/orgs");
    await expect(old).toHaveURL(/\/sign-in/);
  }
  // The link worked once.
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();
  await signInWithPassword(visitor, email, "brand-new-password-1");
  await expect(visitor).toHaveURL(/\/orgs/);
});

test("authenticator app: turned on with a computed code, sign-in asks for it, wrong and reused codes are refused, a recovery code works once", async ({ page }) => {
  test.setTimeout(180_000);
  const { email } = await signUp(page, undefined, "Theo Totp");
  const org = await createOrganization(page, "Totp Org");
  await page.goto("/account");
  await shoot(page, "account", { desktop: DESKTOP });
  const { secret, codes } = await turnOnTotp(page);
  await shoot(page, "account-recovery-codes", { desktop: DESKTOP });
  await page.getByRole("button", { name: "I saved them" }).click();
  await expect(page.getByText("Sign-in asks for a code after your password.")).toBeVisible();

  await signOut(page);
  await signInWithPassword(page, email);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await shoot(page, "sign-in-two-factor", { desktop: DESKTOP });
  const wrong = (await totp(secret)) === "000000" ? "111111" : "000000";
  await page.getByLabel("Authentication code").fill(wrong);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  // The next period's code (the one used to turn it on is spent).
  const code = await totp(secret, 30);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/orgs/);

  await signOut(page);
  await fromNewAddress(page); // the code step's budget: 3 per 10 s per address (tested below)
  await signInWithPassword(page, email);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("This code was already used.")).toBeVisible();
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Use code and sign in" }).click();
  await expect(page).toHaveURL(/\/orgs/);

  await signOut(page);
  await fromNewAddress(page); // the sign-in budget: 3 per 10 s per address
  await signInWithPassword(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Use code and sign in" }).click();
  await expect(page.getByText("That recovery code is not valid, or it was already used.")).toBeVisible();
  await page.getByLabel("Recovery code").fill(codes[1]!);
  await page.getByRole("button", { name: "Use code and sign in" }).click();
  await expect(page).toHaveURL(/\/orgs/);

  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "Turned on two-factor" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Signed in" }).first()).toBeVisible();
  await shoot(page, "audit-security-events", { desktop: DESKTOP });
});

test("the sign-in rate limit also covers the code step", async ({ page }) => {
  const { email } = await signUp(page, undefined, "Rory Rate");
  const { secret } = await turnOnTotp(page);
  await page.getByRole("button", { name: "I saved them" }).click();
  await signOut(page);
  await signInWithPassword(page, email);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  const wrong = (await totp(secret)) === "000000" ? "111111" : "000000";
  let limited = false;
  for (let i = 0; i < 5 && !limited; i++) {
    await page.getByLabel("Authentication code").fill(wrong);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    const alert = page.locator("form").getByRole("alert");
    await expect(alert).toBeVisible();
    limited = (await alert.textContent())!.includes("Too many attempts from this network");
  }
  expect(limited).toBe(true);
  // Even the right code waits for the window to pass.
  await page.getByLabel("Authentication code").fill(await totp(secret, 30));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("Too many attempts from this network")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
});

test("a passkey registered and used with Chromium's virtual authenticator", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  const { email } = await signUp(page, undefined, "Pia Passkey");
  await page.goto("/account");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Name the passkey")).toBeVisible();
  await page.getByLabel("Name for a new passkey").fill("Test laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByTestId("passkey-row")).toContainText("Test laptop");
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);

  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/orgs/);
  await page.goto("/account");
  await expect(page.getByText(`Signed in as Pia Passkey (${email})`)).toBeVisible();
});

test("the organization requires two-factor: a member without it is sent to set it up first; owners see each member's status", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signUp(page, undefined, "Olga Owner");
  const org = await createOrganization(page, "Strict Org");
  const { viewer, email: viewerEmail } = await addViewer(page, browser, org.slug);
  const invitationMail = await waitForMail(viewerEmail, /invited you to Strict Org/);
  expect(linkFrom(invitationMail, "/invite/").startsWith(`${BASE_URL}/invite/`)).toBe(true);

  // The owner cannot lock themselves out: own two-factor first.
  await page.goto(`/orgs/${org.slug}/settings`);
  await page.getByLabel("Members must use two-factor").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator('[role="alert"]').getByText("Set up two-factor on your own account first")).toBeVisible();
  await turnOnTotp(page);
  await page.goto(`/orgs/${org.slug}/settings`);
  await page.getByLabel("Members must use two-factor").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organization settings saved")).toBeVisible();

  await page.goto(`/orgs/${org.slug}/members`);
  const viewerRow = page.getByTestId("member-row").filter({ hasText: viewerEmail });
  await expect(viewerRow.getByTestId("two-factor-status")).toContainText("No two-factor");
  await expect(page.getByTestId("member-row").filter({ hasText: "(you)" }).getByTestId("two-factor-status")).toContainText("authenticator app");
  await shoot(page, "members-two-factor", { desktop: DESKTOP });

  await viewer.goto(`/orgs/${org.slug}/events`);
  await expect(viewer).toHaveURL(new RegExp(`/account\\?required=${org.slug}`));
  await expect(viewer.getByText("Strict Org requires two-factor sign-in")).toBeVisible();
  await shoot(viewer, "account-two-factor-required", { desktop: DESKTOP });
  await turnOnTotp(viewer, `/account?required=${org.slug}`);
  await viewer.getByRole("button", { name: "I saved them" }).click();
  await viewer.getByRole("link", { name: "Continue to Strict Org" }).click();
  await expect(viewer.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();

  await page.reload();
  await expect(viewerRow.getByTestId("two-factor-status")).toContainText("Two-factor on");
});

test("your devices: another browser is listed and signed out from here; the audit log says so", async ({ page, browser }) => {
  const { email } = await signUp(page, undefined, "Dev Devices");
  const org = await createOrganization(page, "Devices Org");
  const other = await newClientPage(browser);
  await signInWithPassword(other, email);
  await expect(other).toHaveURL(/\/orgs/);
  // A sign-in from a browser the account had not seen before is mailed.
  const notice = await waitForMail(email, /New sign-in/);
  expect(linkFrom(notice, "/account#devices")).toBe(`${BASE_URL}/account#devices`);

  await page.goto("/account");
  const rows = page.getByTestId("device-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("This browser");
  await expect(rows.nth(1)).toContainText(/Network \d+\.\d+\.\d+\.0\/24/);
  await shoot(page, "account-devices", { desktop: DESKTOP });
  await rows.nth(1).getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out device" }).click();
  await expect(rows).toHaveCount(1);
  await other.goto("/orgs");
  await expect(other).toHaveURL(/\/sign-in/);

  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "Signed a device out" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere/);
  await page.goto("/orgs");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a one-off test link is emailed to the speaker, and the mail's link opens the entry", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page, undefined, "Lena Links");
  const org = await createOrganization(page, "Mail Links Inc");
  const event = await createEvent(page, org.slug, "Mail Day");
  await addKeptKey(page, org.slug, event.slug);
  await issueOneOffLink(page, org.slug, event.slug, "Sam Speaker");
  await page.getByRole("button", { name: "Email this link to the speaker" }).click();
  const mailForm = page.getByRole("form", { name: "Email this link" });
  await mailForm.getByLabel("Speaker's email").fill("not-an-address");
  await mailForm.getByRole("button", { name: "Send" }).click();
  await expect(mailForm.getByText("Enter the speaker's email address")).toBeVisible();
  const speaker = `${uid("sam")}@example.com`;
  await mailForm.getByLabel("Speaker's email").fill(speaker);
  await shoot(page, "links-email", { desktop: DESKTOP });
  await mailForm.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText(`Sent to ${speaker}.`)).toBeVisible();

  const mail = await waitForMail(speaker, /Your link to Mail Day/);
  expect(mail.text).toContain("works once");
  const link = linkFrom(mail, `/e/${event.slug}?token=`);
  expect(link.startsWith(`${BASE_URL}/e/`)).toBe(true);
  const attendee = await newClientPage(browser);
  await attendee.goto(link);
  await expect(attendee.getByRole("button", { name: /Continue as Sam Speaker/ })).toBeVisible();

  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "Emailed a test link" })).toBeVisible();
});
