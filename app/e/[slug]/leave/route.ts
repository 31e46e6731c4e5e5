import { cookies } from "next/headers";
import { ATTENDEE_COOKIE, findAttendeeSession, leaveAttendeeSession } from "@/lib/entry/attendee-session";
import { entryEvent } from "@/lib/entry/event-config";
import { isSameOriginPost } from "@/lib/entry/same-origin";

/** "Leave the event": the session is marked left (it stays readable for the "You met with…" page). */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isSameOriginPost(request.headers)) return new Response("Cross-site request refused.", { status: 403 });
  const event = await entryEvent(slug);
  const session = event ? await findAttendeeSession(event.id, (await cookies()).get(ATTENDEE_COOKIE)?.value) : null;
  if (session && !session.leftAt) await leaveAttendeeSession(session.id);
  return new Response(null, { status: 303, headers: { Location: `/e/${slug}/${session ? "met" : ""}`, "Cache-Control": "no-store" } });
}
