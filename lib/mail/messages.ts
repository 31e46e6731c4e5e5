import { escapeHtml } from "@/lib/escape-html";

/**
 * Every mail the dashboard sends, as a plain-text part and an HTML part built from the same
 * lines (pure). Links are absolute URLs the caller builds from BETTER_AUTH_URL.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export const MAIL_KINDS = ["password_reset", "address_verification", "invitation", "new_device", "test_link"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

type Block = { kind: "p"; text: string } | { kind: "button"; label: string; url: string } | { kind: "small"; text: string };

const p = (text: string): Block => ({ kind: "p", text });
const button = (label: string, url: string): Block => ({ kind: "button", label, url });
const small = (text: string): Block => ({ kind: "small", text });

function compose(subject: string, blocks: Block[]): MailContent {
  const text = blocks
    .map((b) => (b.kind === "button" ? `${b.label}:\n${b.url}` : b.text))
    .join("\n\n")
    .concat("\n\n-- \nEvent sign-in dashboard\n");
  const body = blocks
    .map((b) => {
      if (b.kind === "button") {
        const url = escapeHtml(b.url);
        return (
          `<p style="margin:24px 0"><a href="${url}" style="background:#4f46e5;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(b.label)}</a></p>` +
          `<p style="font-size:12px;color:#475569;word-break:break-all">Or paste this address into your browser: ${url}</p>`
        );
      }
      if (b.kind === "small") return `<p style="font-size:12px;color:#475569">${escapeHtml(b.text)}</p>`;
      return `<p>${escapeHtml(b.text)}</p>`;
    })
    .join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:600;color:#4f46e5">Event sign-in</p>
${body}
</body></html>`;
  return { subject, text, html };
}

const formatWhen = (date: Date) => date.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export function passwordResetMail(input: { name: string; url: string; minutes: number }): MailContent {
  return compose("Reset your password", [
    p(`Hello ${input.name},`),
    p(`Someone (hopefully you) asked to reset the password of your Event sign-in account. The link works once, for ${input.minutes} minutes. Setting a new password signs you out everywhere else.`),
    button("Choose a new password", input.url),
    small("If you did not ask for this, ignore this mail: your password stays as it is."),
  ]);
}

export function addressVerificationMail(input: { name: string; url: string }): MailContent {
  return compose("Confirm your email address", [
    p(`Hello ${input.name},`),
    p("Confirm that this address is yours, so password resets and security notices reach you."),
    button("Confirm my address", input.url),
    small("If you did not create an account, ignore this mail."),
  ]);
}

export function invitationMail(input: { organizationName: string; inviterName: string; role: string; url: string; expiresAt: Date }): MailContent {
  return compose(`${input.inviterName} invited you to ${input.organizationName}`, [
    p(`${input.inviterName} invited you to join ${input.organizationName} on the Event sign-in dashboard as ${input.role}.`),
    button("Accept the invitation", input.url),
    small(`The invitation works once, for this email address only, until ${formatWhen(input.expiresAt)}.`),
  ]);
}

export function newDeviceMail(input: { name: string; browser: string; network: string; at: Date; devicesUrl: string; resetUrl: string }): MailContent {
  return compose("New sign-in to your account", [
    p(`Hello ${input.name},`),
    p(`Your account was just signed in from a device it had not seen before: ${input.browser}, network ${input.network}, at ${formatWhen(input.at)}.`),
    p("If this was you, there is nothing to do. If not, sign that device out and change your password now."),
    button("Review your devices", input.devicesUrl),
    small(`Cannot sign in any more? Reset your password: ${input.resetUrl}`),
  ]);
}

export function testLinkMail(input: {
  eventName: string;
  attendeeName: string;
  senderName: string;
  url: string;
  kind: "one_off" | "long_lived";
  expiresAt: Date;
}): MailContent {
  const oneOff = input.kind === "one_off";
  return compose(`Your link to ${input.eventName}`, [
    p(`Hello ${input.attendeeName},`),
    p(`${input.senderName} sent you a link that signs you in to ${input.eventName} as ${input.attendeeName}.`),
    button(`Join ${input.eventName}`, input.url),
    small(
      oneOff
        ? `The link works once, until ${formatWhen(input.expiresAt)}. Do not forward it: whoever opens it first signs in as you.`
        : `The link signs in as you every time it is opened, until ${formatWhen(input.expiresAt)}. Do not forward it to anyone.`,
    ),
  ]);
}
