import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isTimeZone } from "@/lib/time-zone";

/** The account's display preferences; a missing row value means the default (UTC only). */
export const displayTimeZoneSchema = z.object({
  timeZone: z
    .union([z.literal(""), z.null(), z.string().max(64).refine(isTimeZone, "Choose a time zone from the list (an IANA name such as Europe/Berlin).")])
    .transform((v) => (v ? v : null)),
});

/** The zone the admin reads times in next to UTC, or null for UTC only. */
export async function displayTimeZoneOf(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { displayTimeZone: true } });
  // A zone the runtime no longer knows (an ICU update renamed it) falls back to UTC only.
  return user?.displayTimeZone && isTimeZone(user.displayTimeZone) ? user.displayTimeZone : null;
}

export async function setDisplayTimeZone(userId: string, timeZone: string | null): Promise<{ timeZone: string | null }> {
  await db.user.update({ where: { id: userId }, data: { displayTimeZone: timeZone } });
  return { timeZone };
}
