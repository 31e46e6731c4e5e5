import "server-only";
import { db } from "@/lib/db";
import { toJwks } from "./jwks";

/** The public JWKS of the event with this slug, or null when there is no such event. */
export async function publicJwksForEvent(slug: string) {
  const event = await db.event.findUnique({
    where: { slug },
    select: { signingKeys: { where: { status: { in: ["active", "retired"] } }, select: { kid: true, hostKid: true, status: true, publicKeyPem: true }, orderBy: { createdAt: "asc" } } },
  });
  return event ? toJwks(event.signingKeys) : null;
}
