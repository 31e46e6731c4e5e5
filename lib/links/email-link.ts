import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { tenantEvent } from "@/lib/events/scope";
import { mailer, MAIL_UNAVAILABLE_MESSAGE } from "@/lib/mail";
import { testLinkMail } from "@/lib/mail/messages";
import { requireWrite, type TenantContext } from "@/lib/tenancy/context";
import { linkUrl } from "./claims";
import { decodeRoles, linkStatus, type LinkKind } from "./status";
import { tokenHash } from "./token-hash";

export const emailTestLinkSchema = z.object({
  eventSlug: z.string().min(1).max(100),
  /** The link as the page shows it once (the token is only in the admin's browser). */
  url: z.string().min(1, "The link to send is missing: issue a link first.").max(12_000),
  to: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That address is too long.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter the speaker's email address, e.g. speaker@example.com.")
    .default(""),
  confirmLongLived: z.boolean().default(false),
  confirmHostLongLived: z.boolean().default(false),
});

/**
 * "Email this link to the speaker": one-off links by default. A long-lived link signs in on every
 * open until it expires, so mailing one needs the same confirmations as issuing it (the doc's
 * warning; and for the host role, the explicit host confirmation). The mail is built from the
 * server's own BETTER_AUTH_URL; the token is recognised by its hash and never stored or logged.
 */
export async function emailTestLink(ctx: TenantContext, input: z.output<typeof emailTestLinkSchema>, now = new Date()) {
  requireWrite(ctx);
  if (!mailer.canSend) throw new AppError("PRECONDITION_FAILED", MAIL_UNAVAILABLE_MESSAGE);
  const event = await tenantEvent(ctx, input.eventSlug);
  let token = "";
  try {
    token = new URL(input.url).searchParams.get("token") ?? "";
  } catch {
    token = "";
  }
  const link = token
    ? await db.issuedLink.findFirst({
        where: { eventId: event.id, tokenHash: tokenHash(token) },
        select: { id: true, kind: true, roles: true, claims: true, displayName: true, expiresAt: true, revokedAt: true, usedAt: true },
      })
    : null;
  if (!link) throw new AppError("NOT_FOUND", "This is not a link issued for this event. Issue a new link and send that.", { field: "url" });
  const status = linkStatus(link, now);
  if (status !== "active") throw new AppError("PRECONDITION_FAILED", `This link is ${status} and would not sign anyone in. Issue a new one.`);
  const kind = link.kind as LinkKind;
  if (kind === "long_lived" && !input.confirmLongLived) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "This is a long-lived link: anyone who gets the mail, or a copy of it, signs in as this attendee until it expires. Confirm that you mean to email it, or issue a one-off link.",
      { field: "confirmLongLived" },
    );
  }
  if (kind === "long_lived" && decodeRoles(link.roles).includes("host") && !input.confirmHostLongLived) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "A long-lived link with the host role lets anyone who holds it run the event, for as long as it lasts. Confirm that you mean it, or issue a one-off link.",
      { field: "confirmHostLongLived" },
    );
  }
  const claimedEmail = (() => {
    try {
      const email = (JSON.parse(link.claims) as { email?: unknown }).email;
      return typeof email === "string" ? email : "";
    } catch {
      return "";
    }
  })();
  const to = input.to || claimedEmail;
  if (!to) throw new AppError("VALIDATION", "Enter the speaker's email address: this link carries no email to send it to.", { field: "to" });
  const sender = await db.user.findUnique({ where: { id: ctx.actor.id ?? "" }, select: { name: true } });
  const content = testLinkMail({
    eventName: event.name,
    attendeeName: link.displayName,
    senderName: sender?.name ?? ctx.actor.label,
    url: linkUrl(appUrl(), event.slug, token),
    kind,
    expiresAt: link.expiresAt,
  });
  try {
    await mailer.send({ ...content, to, kind: "test_link", organizationId: ctx.organizationId });
  } catch {
    throw new AppError("PRECONDITION_FAILED", "The mail server did not accept the mail, so nothing was sent. Copy the link instead, or try again later.");
  }
  await db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      action: "link.emailed",
      targetType: "issued_link",
      targetId: link.id,
      targetLabel: `Test link for ${link.displayName}`,
      eventSlug: event.slug,
      details: { to, kind },
    }),
  );
  return { to };
}
