import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

/**
 * Mail the app sent during this run, as delivered to the SMTP server scripts/e2e.ts started
 * (kept as .eml files in E2E_MAIL_DIR). Waits up to `timeoutMs` for the first matching one.
 */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 15_000): Promise<ParsedMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the browser tests with npm run test:e2e, which starts the SMTP peer.");
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  for (;;) {
    for (const file of readdirSync(dir).sort()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const mail = await simpleParser(readFileSync(join(dir, file)));
      const recipients = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
      if (recipients.includes(to.toLowerCase()) && subject.test(mail.subject ?? "")) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with subject ${subject} arrived within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in the mail's plain-text part that contains `fragment`. */
export function linkFrom(mail: ParsedMail, fragment: string): string {
  const link = (mail.text ?? "").split(/\s+/).find((word) => word.startsWith("http") && word.includes(fragment));
  if (!link) throw new Error(`The mail "${mail.subject}" has no link containing ${fragment}.`);
  return link;
}
