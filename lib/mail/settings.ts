/**
 * How this server delivers mail, from the environment (pure, so it is tested without a server):
 * - `SMTP_URL` set: through that SMTP server (nodemailer), from `MAIL_FROM`;
 * - no `SMTP_URL` outside production, or `MAIL_OUTBOX=1` (what `npm run demo` sets): kept in the
 *   dashboard's outbox and printed to the console, so a newcomer can still reset a password;
 * - no `SMTP_URL` in production: no mail at all; every feature that needs mail says so.
 */
export type MailSettings =
  | { kind: "smtp"; smtpUrl: string; from: string }
  | { kind: "outbox"; from: string }
  | { kind: "none" };

export type Env = Record<string, string | undefined>;

export function mailSettings(env: Env = process.env): MailSettings {
  const smtpUrl = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim() || defaultFrom(env);
  if (smtpUrl) return { kind: "smtp", smtpUrl, from };
  if (env.MAIL_OUTBOX === "1" || env.NODE_ENV !== "production") return { kind: "outbox", from };
  return { kind: "none" };
}

function defaultFrom(env: Env): string {
  let host = "localhost";
  try {
    host = new URL(env.BETTER_AUTH_URL || "http://localhost").hostname;
  } catch {
    // A malformed BETTER_AUTH_URL is reported by the startup check; the sender falls back.
  }
  return `Event sign-in <no-reply@${host.includes(".") ? host : "localhost.localdomain"}>`;
}

/** What is wrong with SMTP_URL / MAIL_FROM, in words, for the startup check; empty when fine. */
export function mailEnvironmentProblems(env: Env = process.env): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl) {
    let url: URL | null = null;
    try {
      url = new URL(smtpUrl);
    } catch {
      url = null;
    }
    if (!url || !["smtp:", "smtps:"].includes(url.protocol) || !url.hostname) {
      problems.push({
        variable: "SMTP_URL",
        message: "must be smtp://user:password@host:587 or smtps://user:password@host:465 (percent-encode special characters in the password)",
      });
    }
  }
  const from = env.MAIL_FROM?.trim();
  if (from && !/^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/.test(from)) {
    problems.push({ variable: "MAIL_FROM", message: 'must be an address, e.g. "Events <no-reply@example.com>" or no-reply@example.com' });
  }
  return problems;
}

/** The sentence a page shows where it would offer mail, when this server cannot send any. */
export const MAIL_UNAVAILABLE_MESSAGE =
  "This server sends no email: SMTP_URL is not configured. Ask whoever runs the dashboard to set SMTP_URL and MAIL_FROM.";
