import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeEvent, makeTenant } from "@/test/factories";
import { rsaPair, spkiPem } from "@/test/keys";
import type { KeyStatus } from "./lifecycle";
import { uploadPublicKeySchema } from "./schema";
import { uploadPublicKey } from "./service";
import { keyActivityLastHour } from "./sign-in-activity";

const now = new Date("2027-05-04T10:30:00Z");
const minutesAgo = (n: number) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 - n * 60_000);

describe("each key's part in the last hour's sign-ins", () => {
  it("comes from the recorded per-minute sign-ins of this event, within the hour", async () => {
    const { ctx } = await makeTenant("admin");
    const event = await makeEvent(ctx);
    const other = await makeEvent(ctx);
    const add = async (bits: number) => (await uploadPublicKey(ctx, uploadPublicKeySchema.parse({ eventSlug: event.slug, publicKey: spkiPem(rsaPair(bits).publicKey), activate: true }))).key;
    const [oldKey, newKey] = [await add(2048), await add(3072)];
    const minute = (eventId: string, keyId: string, at: Date, count: number, outcome = "signed_in") =>
      db.activityMinute.create({ data: { eventId, minute: at, hour: new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000), outcome, keyId, kid: "k", count } });
    await minute(event.id, newKey.id, minutesAgo(5), 30);
    await minute(event.id, oldKey.id, minutesAgo(20), 10);
    await minute(event.id, oldKey.id, minutesAgo(90), 500); // before the hour
    await minute(event.id, oldKey.id, minutesAgo(3), 70, "refused"); // refusals are not sign-ins
    await minute(other.id, oldKey.id, minutesAgo(3), 900); // another event's counts

    const keys = (await db.signingKey.findMany({ where: { eventId: event.id } })).map((k) => ({ ...k, status: k.status as KeyStatus }));
    const activity = await keyActivityLastHour(event.id, keys, now);
    expect(activity.get(newKey.id)).toEqual({ share: 0.75, signIns: 30, recent: true });
    expect(activity.get(oldKey.id)).toEqual({ share: 0.25, signIns: 10, recent: true });
  });
});
