import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { generate } from "otplib";
import { db } from "@/lib/db";
import { databaseProviderOf } from "@/lib/db/provider";
import { createMailer } from "@/lib/mail/mailer";
import { linkIn, startSmtpPeer } from "@/test/smtp-peer";
import { uid } from "@/test/factories";
import { createAuth } from "./config";

/**
 * Account security through Better Auth's real HTTP handler (as the browser calls it), with mail
 * delivered to a real SMTP server started here: password reset, TOTP with recovery codes,
 * refused reused codes, the audit trail and the new-device mail.
 */
const BASE = "https://dash.example.com";
const PASSWORD = "correct-horse-battery";
const START = new Date("2031-03-04T10:00:00Z");

let peer: Awaited<ReturnType<typeof startSmtpPeer>>;
let auth: ReturnType<typeof createAuth>;

beforeAll(async () => {
  peer = await startSmtpPeer();
  const mailer = createMailer(db, { kind: "smtp", smtpUrl: peer.url, from: "Events <no-reply@dash.example.com>" });
  auth = createAuth({ db, provider: databaseProviderOf(process.env.DATABASE_URL!), baseURL: BASE, mailer });
});
afterAll(() => peer.close());
beforeEach(() => {
  vi.setSystemTime(START);
});

/** A browser: keeps cookies between calls, like the real one. */
function browser(ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) {
  const jar = new Map<string, string>();
  async function call(method: "GET" | "POST", path: string, body?: unknown) {
    // x-client-address: what the request hook (lib/http/request-hook.ts) sets from the socket or trusted hops.
    const headers = new Headers({ origin: BASE, "x-client-address": ip, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" });
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    if (body !== undefined) headers.set("content-type", "application/json");
    const response = await auth.handler(new Request(path.startsWith("http") ? path : `${BASE}/api/auth${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" }));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value.join("=") === "";
      if (expired) jar.delete(name.trim());
      else jar.set(name.trim(), value.join("="));
    }
    const text = await response.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
    return { status: response.status, json, location: response.headers.get("location") };
  }
  return { call, jar };
}

async function newAccount() {
  const email = `${uid("admin")}@example.com`;
  const device = browser();
  const signUp = await device.call("POST", "/sign-up/email", { email, password: PASSWORD, name: "Ada Admin" });
  expect(signUp.status).toBe(200);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const organization = await db.organization.create({ data: { id: randomUUID(), slug: uid("org"), name: "Org", createdAt: new Date() } });
  await db.member.create({ data: { id: randomUUID(), organizationId: organization.id, userId: user.id, role: "owner", createdAt: new Date() } });
  return { email, user, organization, device };
}

const auditActions = async (organizationId: string) =>
  (await db.auditLog.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((a) => a.action);

const totpNow = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

describe("password reset by email", () => {
  it("answers the same for an unknown address, and sends nothing", async () => {
    const { email } = await newAccount();
    const known = await browser().call("POST", "/request-password-reset", { email, redirectTo: "/reset-password" });
    const unknown = await browser().call("POST", "/request-password-reset", { email: `${uid("nobody")}@example.com`, redirectTo: "/reset-password" });
    expect(unknown.status).toBe(known.status);
    expect(unknown.json).toEqual(known.json);
    await peer.waitFor(email, /Reset your password/);
    expect(peer.delivered.some((m) => m.to.some((t) => t.startsWith("nobody")))).toBe(false);
  });

  it("mails a link under BETTER_AUTH_URL that works once, ends every session and is audited", async () => {
    const { email, organization, device } = await newAccount();
    const other = browser();
    expect((await other.call("POST", "/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    expect(await db.session.count({ where: { user: { email } } })).toBe(2);

    await browser().call("POST", "/request-password-reset", { email, redirectTo: "/reset-password" });
    const mail = await peer.waitFor(email, /Reset your password/);
    expect(mail.parsed.text).toContain("works once, for 30 minutes");
    expect(mail.parsed.html).toContain(`href="${BASE}/api/auth/reset-password/`);
    const link = linkIn(mail.parsed, `${BASE}/api/auth/reset-password/`);

    const opened = await browser().call("GET", link);
    expect(opened.status).toBe(302);
    const token = new URL(opened.location!, BASE).searchParams.get("token");
    expect(new URL(opened.location!, BASE).pathname).toBe("/reset-password");
    expect(token).toBeTruthy();

    const reset = await browser().call("POST", "/reset-password", { newPassword: "a-new-long-password", token });
    expect(reset.status).toBe(200);
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
    expect((await device.call("GET", "/get-session")).json).toBeNull();
    expect(await auditActions(organization.id)).toContain("account.password_reset");

    const again = await browser().call("POST", "/reset-password", { newPassword: "yet-another-password", token });
    expect(again.json).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await browser().call("POST", "/sign-in/email", { email, password: "a-new-long-password" })).status).toBe(200);
  });

  it("refuses a link older than 30 minutes and leaves the password as it was", async () => {
    const { email } = await newAccount();
    await browser().call("POST", "/request-password-reset", { email, redirectTo: "/reset-password" });
    const link = linkIn((await peer.waitFor(email, /Reset your password/)).parsed, `${BASE}/api/auth/reset-password/`);
    const token = new URL(link).pathname.split("/").pop();

    vi.setSystemTime(new Date(START.getTime() + 31 * 60_000));
    const opened = await browser().call("GET", link);
    expect(new URL(opened.location!, BASE).searchParams.get("error")).toBe("INVALID_TOKEN");
    const reset = await browser().call("POST", "/reset-password", { newPassword: "a-new-long-password", token });
    expect(reset.json).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await browser().call("POST", "/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
  });
});

describe("two-factor with an authenticator app", () => {
  async function accountWithTotp() {
    const account = await newAccount();
    const enabled = await account.device.call("POST", "/two-factor/enable", { password: PASSWORD });
    const secret = new URL(String(enabled.json!.totpURI)).searchParams.get("secret")!;
    const backupCodes = enabled.json!.backupCodes as string[];
    expect((await account.device.call("POST", "/two-factor/verify-totp", { code: await totpNow(secret) })).status).toBe(200);
    return { ...account, secret, backupCodes };
  }

  it("asks for the code after the password; a wrong code changes nothing; a used code is refused; a recovery code works once", async () => {
    const { email, secret, backupCodes, organization } = await accountWithTotp();
    expect(await auditActions(organization.id)).toContain("account.two_factor_enabled");

    vi.setSystemTime(new Date(START.getTime() + 60_000));
    const laptop = browser();
    const first = await laptop.call("POST", "/sign-in/email", { email, password: PASSWORD });
    expect(first.json).toMatchObject({ twoFactorRedirect: true });
    expect((await laptop.call("GET", "/get-session")).json).toBeNull();

    const wrong = await laptop.call("POST", "/two-factor/verify-totp", { code: "000000" === (await totpNow(secret)) ? "111111" : "000000" });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ code: "INVALID_CODE" });
    expect((await laptop.call("GET", "/get-session")).json).toBeNull();

    const code = await totpNow(secret);
    expect((await laptop.call("POST", "/two-factor/verify-totp", { code })).status).toBe(200);
    expect((await laptop.call("GET", "/get-session")).json).toMatchObject({ user: { email } });

    // Someone who saw that code (and knows the password) cannot reuse it within its 90 seconds.
    const thief = browser();
    await thief.call("POST", "/sign-in/email", { email, password: PASSWORD });
    const replay = await thief.call("POST", "/two-factor/verify-totp", { code });
    expect(replay.status).toBe(400);
    expect(replay.json).toMatchObject({ code: "CODE_ALREADY_USED" });
    expect((await thief.call("GET", "/get-session")).json).toBeNull();

    const phoneless = browser();
    await phoneless.call("POST", "/sign-in/email", { email, password: PASSWORD });
    expect((await phoneless.call("POST", "/two-factor/verify-backup-code", { code: backupCodes[0] })).status).toBe(200);
    const reuse = browser();
    await reuse.call("POST", "/sign-in/email", { email, password: PASSWORD });
    expect((await reuse.call("POST", "/two-factor/verify-backup-code", { code: backupCodes[0] })).json).toMatchObject({ code: "INVALID_BACKUP_CODE" });

    const actions = await auditActions(organization.id);
    // Signed in: the laptop (code) and the phoneless browser (recovery code); never the thief or the reused code.
    expect(actions.filter((a) => a === "account.signed_in")).toHaveLength(2);
  });

  it("turning it off is audited and sign-in asks only for the password again", async () => {
    const { email, device, organization } = await accountWithTotp();
    expect((await device.call("POST", "/two-factor/disable", { password: PASSWORD })).status).toBe(200);
    expect(await auditActions(organization.id)).toContain("account.two_factor_disabled");
    const next = await browser().call("POST", "/sign-in/email", { email, password: PASSWORD });
    expect(next.json).not.toHaveProperty("twoFactorRedirect");
    expect(next.status).toBe(200);
  });
});

describe("security events and mail", () => {
  it("records one burst for five failed sign-ins, and mails a sign-in from a new device once", async () => {
    const { email, organization, device } = await newAccount();
    for (let i = 0; i < 6; i++) await browser().call("POST", "/sign-in/email", { email, password: "wrong-password-here" });
    expect((await auditActions(organization.id)).filter((a) => a === "account.sign_in_failures")).toHaveLength(1);

    // The browser that signed up is known: no mail. A new one gets one, with the devices page link.
    expect((await device.call("POST", "/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    const stranger = browser("203.0.113.77");
    expect((await stranger.call("POST", "/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    const mail = await peer.waitFor(email, /New sign-in/);
    expect(mail.parsed.text).toContain("Chrome 131 on Linux");
    expect(mail.parsed.text).toContain("203.0.113.0/24");
    expect(mail.parsed.text).toContain(`${BASE}/account#devices`);
    expect((await stranger.call("POST", "/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(peer.delivered.filter((m) => m.to.includes(email) && /New sign-in/.test(m.parsed.subject ?? ""))).toHaveLength(1);
    expect((await auditActions(organization.id)).filter((a) => a === "account.signed_in")).toHaveLength(3);
  });
});
