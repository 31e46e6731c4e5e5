"use server";

import { orgAction } from "./safe-action";
import { emailTestLink, emailTestLinkSchema } from "@/lib/links/email-link";

/** "Email this link to the speaker" on the test-link page (admins). */
export const emailTestLinkAction = orgAction("emailTestLink", { schema: emailTestLinkSchema, role: "admin", readOnly: true }, async (input, ctx) =>
  emailTestLink(ctx, input),
);
