import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { insertRows } from "@/lib/db/raw-sql";
import type { AttendeeClaims, VerifyNote } from "@/lib/tokens/types";
import { createGroupCommit } from "./group-commit";

/** How the attendee got in: shown in the lobby and useful when reading sessions. */
export type EntrySource = "host_token" | "one_off_link" | "long_lived_link";

export const ATTENDEE_SESSION_SECONDS = 12 * 3600;
export const ATTENDEE_COOKIE = "attendee_session";

export interface StoredAttendee {
  claims: AttendeeClaims;
  notes: VerifyNote[];
  /** SigningKey.id of the key that verified the token (absent in sessions opened before it was kept). */
  keyId?: string;
  /** IssuedLink.id when a test link opened the session: its reopening in this browser leads to the lobby. */
  linkId?: string;
}

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

type SessionRow = { id: string; eventId: string; keyId: string | null; linkId: string | null; secretHash: string; displayName: string; claims: string; source: string; createdAt: Date; expiresAt: Date };

/**
 * Session rows are written by group commit: at the start of an event many sign-ins share one
 * INSERT, and each sign-in still waits for ITS row to be committed before the attendee gets the
 * cookie. So the row is the authority from the first request on: the lobby finds it on any
 * instance, and a session that is ended there is refused.
 */
const sessionWriter = createGroupCommit<SessionRow>((rows) => insertRows("AttendeeSession", rows));

/**
 * Opens the attendee's session: the cookie carries a random secret, the database only its hash,
 * and the verified claims (never the token).
 */
export async function openAttendeeSession(input: {
  eventId: string;
  attendee: StoredAttendee;
  source: EntrySource;
  keyId?: string | null;
  linkId?: string | null;
  now: Date;
}) {
  const secret = randomBytes(32).toString("base64url");
  const id = randomBytes(16).toString("hex");
  await sessionWriter.add({
    id,
    eventId: input.eventId,
    keyId: input.keyId ?? null,
    linkId: input.linkId ?? null,
    secretHash: hashSecret(secret),
    displayName: input.attendee.claims.displayName,
    claims: JSON.stringify(input.attendee),
    source: input.source,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + ATTENDEE_SESSION_SECONDS * 1000),
  });
  return { id, secret, maxAgeSeconds: ATTENDEE_SESSION_SECONDS };
}

/** The attendee behind a session cookie for this event, if the session is open. */
export async function findAttendeeSession(eventId: string, secret: string | undefined, now = new Date()) {
  if (!secret || secret.length > 100) return null;
  const session = await db.attendeeSession.findUnique({ where: { secretHash: hashSecret(secret) } });
  if (!session || session.eventId !== eventId || session.expiresAt <= now || session.endedAt) return null;
  return { ...session, attendee: JSON.parse(session.claims) as StoredAttendee };
}

/** When an admin ended the session behind this cookie (lib/activity/sessions.ts), or null. */
export async function sessionEndedAt(eventSlug: string, secret: string | undefined): Promise<Date | null> {
  if (!secret || secret.length > 100) return null;
  const session = await db.attendeeSession.findUnique({ where: { secretHash: hashSecret(secret) }, select: { endedAt: true, event: { select: { slug: true } } } });
  return session?.event.slug === eventSlug ? session.endedAt : null;
}

export async function leaveAttendeeSession(sessionId: string, now = new Date()) {
  await db.attendeeSession.update({ where: { id: sessionId }, data: { leftAt: now } });
}

/** Other attendees whose time in the event overlapped this one's: the "You met with…" list. */
export async function attendeesMetBy(session: { id: string; eventId: string; createdAt: Date; leftAt: Date | null }, now = new Date()) {
  const until = session.leftAt ?? now;
  const others = await db.attendeeSession.findMany({
    where: {
      eventId: session.eventId,
      id: { not: session.id },
      createdAt: { lte: until },
      OR: [{ leftAt: null, expiresAt: { gt: session.createdAt } }, { leftAt: { gte: session.createdAt } }],
    },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  // One card per person: the same attendee may have signed in twice.
  const seen = new Set<string>();
  return others
    .map((o) => ({ id: o.id, attendee: JSON.parse(o.claims) as StoredAttendee }))
    .filter((o) => {
      const key = `${o.attendee.claims.displayName}\u0000${o.attendee.claims.email ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
