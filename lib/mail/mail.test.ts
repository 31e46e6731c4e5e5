import { describe, expect, it } from "vitest";
import { mailEnvironmentProblems, mailSettings } from "./settings";
import { addressVerificationMail, invitationMail, newDeviceMail, passwordResetMail, testLinkMail } from "./messages";

describe("mailSettings", () => {
  it("sends through SMTP_URL when set, from MAIL_FROM", () => {
    expect(mailSettings({ SMTP_URL: "smtps://u:p@mail.example.com:465", MAIL_FROM: "Events <no-reply@example.com>", NODE_ENV: "production" })).toEqual({
      kind: "smtp",
      smtpUrl: "smtps://u:p@mail.example.com:465",
      from: "Events <no-reply@example.com>",
    });
  });
  it("keeps mail in the outbox without SMTP_URL outside production or when the demo asks for it, and sends none in production", () => {
    expect(mailSettings({ NODE_ENV: "development" }).kind).toBe("outbox");
    expect(mailSettings({ NODE_ENV: "production", MAIL_OUTBOX: "1" }).kind).toBe("outbox");
    expect(mailSettings({ NODE_ENV: "production" })).toEqual({ kind: "none" });
  });
  it("derives a sender from BETTER_AUTH_URL when MAIL_FROM is not set", () => {
    expect(mailSettings({ SMTP_URL: "smtp://h", BETTER_AUTH_URL: "https://events.example.com" })).toMatchObject({ from: "Event sign-in <no-reply@events.example.com>" });
  });
  it("names a malformed SMTP_URL or MAIL_FROM", () => {
    expect(mailEnvironmentProblems({ SMTP_URL: "http://mail.example.com" }).map((p) => p.variable)).toEqual(["SMTP_URL"]);
    expect(mailEnvironmentProblems({ SMTP_URL: "smtp://u:p@mail.example.com:587", MAIL_FROM: "not an address" }).map((p) => p.variable)).toEqual(["MAIL_FROM"]);
    expect(mailEnvironmentProblems({ SMTP_URL: "smtp://u:p@mail.example.com:587", MAIL_FROM: "Events <no-reply@example.com>" })).toEqual([]);
    expect(mailEnvironmentProblems({})).toEqual([]);
  });
});

describe("mail messages", () => {
  const at = new Date("2031-01-02T03:04:00Z");
  const all = [
    passwordResetMail({ name: "Ada", url: "https://d.example.com/api/auth/reset-password/T?callbackURL=%2Freset-password", minutes: 30 }),
    addressVerificationMail({ name: "Ada", url: "https://d.example.com/api/auth/verify-email?token=T" }),
    invitationMail({ organizationName: "Acme <Events>", inviterName: "Bob", role: "admin", url: "https://d.example.com/invite/abc", expiresAt: at }),
    newDeviceMail({ name: "Ada", browser: "Chrome 131 on Linux", network: "203.0.113.0/24", at, devicesUrl: "https://d.example.com/account#devices", resetUrl: "https://d.example.com/forgot-password" }),
    testLinkMail({ eventName: "Summit", attendeeName: "Sam", senderName: "Ada", url: "https://d.example.com/e/summit?token=a.b.c", kind: "one_off", expiresAt: at }),
  ];
  it("every mail has a subject, a text part and an HTML part carrying the same link", () => {
    for (const mail of all) {
      expect(mail.subject.length).toBeGreaterThan(5);
      const link = mail.text.match(/https:\/\/d\.example\.com\S*/)![0];
      expect(mail.html).toContain(`href="${link.replace(/&/g, "&amp;")}"`);
    }
  });
  it("escapes names in HTML, so an organization called <Events> cannot inject markup", () => {
    expect(all[2]!.html).toContain("Acme &lt;Events&gt;");
    expect(all[2]!.html).not.toContain("<Events>");
  });
  it("a long-lived test link says it signs in on every open", () => {
    const longLived = testLinkMail({ eventName: "Summit", attendeeName: "Sam", senderName: "Ada", url: "https://d.example.com/e/summit?token=a.b.c", kind: "long_lived", expiresAt: at });
    expect(longLived.text).toContain("every time it is opened");
    expect(all[4]!.text).toContain("works once");
  });
});
