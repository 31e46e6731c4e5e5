import nodemailer, { type Transporter } from "nodemailer";
import type { Database } from "@/lib/db/create-client";
import { logger } from "@/lib/log";
import type { MailContent, MailKind } from "./messages";
import type { MailSettings } from "./settings";

export interface OutgoingMail extends MailContent {
  to: string;
  kind: MailKind;
  /** The organization the mail is sent for (invitation, test link), so its owners see it in the outbox. */
  organizationId?: string | null;
}

export interface Mailer {
  readonly settings: MailSettings;
  readonly canSend: boolean;
  /** Delivers the mail (SMTP) or keeps it (outbox); throws MailUnavailableError when this server sends no mail. */
  send(mail: OutgoingMail): Promise<void>;
}

export class MailUnavailableError extends Error {
  constructor() {
    super("No mail server is configured (SMTP_URL).");
    this.name = "MailUnavailableError";
  }
}

/**
 * One mailer per process. Nothing here logs a mail's body or links: they carry tokens. A failed
 * delivery is logged with the mail's kind, the recipient's domain and the SMTP error code only.
 */
export function createMailer(db: Database, settings: MailSettings, print: (line: string) => void = (line) => console.log(line)): Mailer {
  let transport: Transporter | null = null;
  const smtp = () => (transport ??= nodemailer.createTransport(settings.kind === "smtp" ? settings.smtpUrl : {}));
  return {
    settings,
    canSend: settings.kind !== "none",
    async send(mail) {
      if (settings.kind === "none") throw new MailUnavailableError();
      if (settings.kind === "outbox") {
        await db.outboxMail.create({
          data: { organizationId: mail.organizationId ?? null, toAddress: mail.to, subject: mail.subject, text: mail.text, html: mail.html, kind: mail.kind },
        });
        // The demo's console stands in for the mailbox (no SMTP server): never reached with SMTP_URL set.
        print(`\n[mail outbox] To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}`);
        return;
      }
      try {
        await smtp().sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (error) {
        const code = (error as { code?: string; responseCode?: number }) ?? {};
        logger.error({ source: "mail", kind: mail.kind, recipientDomain: mail.to.split("@")[1] ?? "?", smtpError: code.code ?? "error", smtpResponse: code.responseCode }, "mail delivery failed");
        throw error;
      }
    },
  };
}
