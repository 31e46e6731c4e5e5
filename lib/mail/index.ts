import "server-only";
import { db } from "@/lib/db";
import { createMailer, type Mailer } from "./mailer";
import { mailSettings } from "./settings";

const globalForMail = globalThis as unknown as { __mailer?: Mailer };

/** The app's mailer, configured from SMTP_URL / MAIL_FROM (see settings.ts). */
export const mailer: Mailer = (globalForMail.__mailer ??= createMailer(db, mailSettings()));

export { MailUnavailableError } from "./mailer";
export { MAIL_UNAVAILABLE_MESSAGE } from "./settings";
