import "server-only";
import { cookies } from "next/headers";
import { presentAttendee } from "@/lib/profile/present";
import { profileFieldsForEvent } from "@/lib/profile/service";
import { ATTENDEE_COOKIE, findAttendeeSession, type StoredAttendee } from "./attendee-session";
import { entryEvent } from "./event-config";

/** The signed-in attendee of /e/{slug}/… pages, from the event-scoped session cookie. */
export async function currentAttendee(slug: string) {
  const event = await entryEvent(slug);
  if (!event) return null;
  const session = await findAttendeeSession(event.id, (await cookies()).get(ATTENDEE_COOKIE)?.value);
  if (!session) return { event, session: null };
  return { event, session };
}

/** The verified claims as the event's profile fields present them: the tile and the card. */
export async function presentStoredAttendee(eventId: string, stored: StoredAttendee) {
  const fields = await profileFieldsForEvent(eventId);
  return presentationFor(stored, fields);
}

export function presentationFor(stored: StoredAttendee, fields: Awaited<ReturnType<typeof profileFieldsForEvent>>) {
  const { claims } = stored;
  return presentAttendee(
    { displayName: claims.displayName, avatarUrl: claims.avatarUrl ?? undefined, userProfile: claims.userProfile, roles: claims.roles },
    fields,
  ).attendee;
}
