import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export interface DeliveredMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server for tests (the smtp-server package): accepts every mail with any login and
 * keeps it, parsed. With `dir`, each message is also written there as an .eml file, so a browser
 * test in another process can read what arrived.
 */
export async function startSmtpPeer(options: { port?: number; host?: string; dir?: string } = {}) {
  const delivered: DeliveredMail[] = [];
  const waiters: Array<() => void> = [];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "test" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        simpleParser(raw)
          .then((parsed) => {
            delivered.push({ to, raw, parsed });
            if (options.dir) writeFileSync(join(options.dir, `${Date.now()}-${delivered.length}.eml`), raw);
            waiters.splice(0).forEach((wake) => wake());
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port!;
  return {
    port,
    url: `smtp://test:secret@127.0.0.1:${port}`,
    delivered,
    /** The first mail to `to` (optionally matching the subject) that arrives within `timeoutMs`. */
    async waitFor(to: string, subject?: RegExp, timeoutMs = 10_000): Promise<DeliveredMail> {
      const match = () => delivered.find((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.parsed.subject ?? "")));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = match();
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ""} arrived within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const link = (mail.text ?? "").split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`The mail has no link starting with ${prefix}:\n${mail.text}`);
  return link;
}
