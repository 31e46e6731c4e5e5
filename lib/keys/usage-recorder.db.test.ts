import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeEvent, makeTenant } from "@/test/factories";
import { rsaPair, spkiPem } from "@/test/keys";
import { uploadPublicKeySchema } from "./schema";
import { uploadPublicKey } from "./service";
import { flushKeyUsage, recordKeyUse } from "./usage-recorder";

const t = (s: number) => new Date(Date.UTC(2027, 2, 1, 10, 0, s));

async function twoKeys() {
  const { ctx } = await makeTenant("admin");
  const event = await makeEvent(ctx);
  const add = async (bits: number) =>
    (await uploadPublicKey(ctx, uploadPublicKeySchema.parse({ eventSlug: event.slug, publicKey: spkiPem(rsaPair(bits).publicKey), activate: true }))).key.id;
  return { event, a: await add(2048), b: await add(3072) };
}

const usage = async (id: string) => db.signingKey.findUniqueOrThrow({ where: { id }, select: { verifyCount: true, lastVerifiedAt: true } });

describe("key usage recorder", () => {
  it("writes nothing per verification, then the exact counts and latest times on flush", async () => {
    const { a, b } = await twoKeys();
    for (let i = 0; i < 500; i++) recordKeyUse(a, t(i % 30));
    recordKeyUse(b, t(40));
    recordKeyUse(b, t(12));
    expect(await usage(a)).toEqual({ verifyCount: 0, lastVerifiedAt: null });
    await flushKeyUsage();
    expect(await usage(a)).toEqual({ verifyCount: 500, lastVerifiedAt: t(29) });
    expect(await usage(b)).toEqual({ verifyCount: 2, lastVerifiedAt: t(40) });
  });

  it("adds across flushes and never moves the last-used time backwards (another instance may be ahead)", async () => {
    const { a } = await twoKeys();
    recordKeyUse(a, t(50));
    await flushKeyUsage();
    recordKeyUse(a, t(10)); // an instance whose batch is older
    recordKeyUse(a, t(20));
    await flushKeyUsage();
    expect(await usage(a)).toEqual({ verifyCount: 3, lastVerifiedAt: t(50) });
    recordKeyUse(a, t(55));
    await flushKeyUsage();
    expect(await usage(a)).toEqual({ verifyCount: 4, lastVerifiedAt: t(55) });
  });

  it("survives a key deleted between use and flush", async () => {
    const { event, a } = await twoKeys();
    recordKeyUse(a, t(1));
    await db.event.delete({ where: { id: event.id } });
    await expect(flushKeyUsage()).resolves.toBeUndefined();
  });
});
