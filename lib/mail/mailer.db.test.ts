import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { startSmtpPeer } from "@/test/smtp-peer";
import { uid } from "@/test/factories";
import { createMailer, MailUnavailableError } from "./mailer";
import { passwordResetMail } from "./messages";

const reset = passwordResetMail({ name: "Ada", url: "https://dash.example.com/api/auth/reset-password/SECRET-TOKEN-123?callbackURL=%2Freset-password", minutes: 30 });

describe("mailer", () => {
  let peer: Awaited<ReturnType<typeof startSmtpPeer>>;
  beforeAll(async () => {
    peer = await startSmtpPeer();
  });
  afterAll(() => peer.close());

  it("delivers through SMTP_URL, from MAIL_FROM, with a text and an HTML part", async () => {
    const to = `${uid("ada")}@example.com`;
    await createMailer(db, { kind: "smtp", smtpUrl: peer.url, from: "Events <no-reply@dash.example.com>" }).send({ ...reset, to, kind: "password_reset" });
    const mail = await peer.waitFor(to);
    expect(mail.parsed.from?.value).toEqual([{ name: "Events", address: "no-reply@dash.example.com" }]);
    expect(mail.parsed.subject).toBe("Reset your password");
    expect(mail.parsed.text).toContain("SECRET-TOKEN-123");
    expect(mail.parsed.html).toContain("SECRET-TOKEN-123");
  });

  it("logs a failed delivery without the mail's content or token", async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => {});
    const closed = createMailer(db, { kind: "smtp", smtpUrl: "smtp://u:p@127.0.0.1:1", from: "a@example.com" });
    await expect(closed.send({ ...reset, to: "ada@example.com", kind: "password_reset" })).rejects.toThrow();
    const logged = JSON.stringify(errors.mock.calls);
    errors.mockRestore();
    expect(logged).toContain("password_reset");
    expect(logged).not.toContain("SECRET-TOKEN-123");
    expect(logged).not.toContain("ada@");
  });

  it("keeps mail in the outbox and prints it when there is no SMTP server (the demo)", async () => {
    const printed: string[] = [];
    const to = `${uid("ada")}@example.com`;
    await createMailer(db, { kind: "outbox", from: "x@example.com" }, (line) => printed.push(line)).send({ ...reset, to, kind: "password_reset" });
    const kept = await db.outboxMail.findFirstOrThrow({ where: { toAddress: to } });
    expect(kept).toMatchObject({ subject: "Reset your password", kind: "password_reset", organizationId: null });
    expect(kept.html).toContain("<a href=");
    expect(printed.join("\n")).toContain(`To: ${to}`);
  });

  it("refuses to send when this server has no mail at all (production without SMTP_URL)", async () => {
    const none = createMailer(db, { kind: "none" });
    expect(none.canSend).toBe(false);
    await expect(none.send({ ...reset, to: "a@example.com", kind: "password_reset" })).rejects.toBeInstanceOf(MailUnavailableError);
  });
});
