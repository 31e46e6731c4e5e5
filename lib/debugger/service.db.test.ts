import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideEntry } from "@/lib/entry/decide-entry";
import { flushKeyUsage } from "@/lib/keys/usage-recorder";
import { makeEvent, makeTenant, asRole } from "@/test/factories";
import { signAttendeeToken } from "@/test/tokens";
import { addActiveKey } from "@/test/event-keys";
import { inspectEventToken } from "./service";
import { tokenFromInput } from "./schema";

async function setup() {
  const { ctx } = await makeTenant();
  const event = await makeEvent(ctx);
  const key = await addActiveKey(ctx, event.slug);
  return { ctx, event, key };
}

describe("token debugger", () => {
  it("reports every check and the verdict, and uses nothing up", async () => {
    const { ctx, event, key } = await setup();
    const token = await signAttendeeToken(key, { displayName: "Debug Me", roles: ["host"] });
    const result = await inspectEventToken(asRole(ctx, "viewer"), event.slug, token);
    expect(result.inspection.result.ok).toBe(true);
    expect(result.inspection.checks.map((c) => [c.id, c.status])).toContainEqual(["signature", "pass"]);
    expect(result.replay).toEqual({ kind: "host_jti", usedAt: null });
    expect(result.attendee?.fullName).toBe("Debug Me");
    // Inspecting twice, then entering: the jti is still fresh, no usage was counted by the debugger.
    await inspectEventToken(ctx, event.slug, token);
    await flushKeyUsage();
    expect((await db.signingKey.findUniqueOrThrow({ where: { id: key.keyId } })).verifyCount).toBe(0);
    expect(await db.tokenRedemption.count({ where: { eventId: event.id } })).toBe(0);
    expect((await decideEntry({ sameOrigin: true, slug: event.slug, token, step: "open", clientAddress: "t" })).kind).toBe("signed_in");
    expect((await inspectEventToken(ctx, event.slug, token)).replay).toMatchObject({ kind: "host_jti", usedAt: expect.any(Date) });
  });

  it("explains a refusal with the attendee's words and the reason code", async () => {
    const { ctx, event, key } = await setup();
    const old = new Date(Date.now() - 3600_000);
    const expired = await signAttendeeToken(key, {}, { now: old });
    const result = await inspectEventToken(ctx, event.slug, expired);
    expect(result.inspection.result.ok).toBe(false);
    expect(result.inspection.explanation?.code).toBe("expired");
    expect(result.inspection.checks.find((c) => c.id === "exp")?.status).toBe("fail");
  });

  it("never draws a tampered token's claims as the attendee the host sent", async () => {
    const { ctx, event, key } = await setup();
    const [h, p, sig] = (await signAttendeeToken(key, { displayName: "Real Name", roles: ["presenter"] })).split(".");
    const payload = { ...JSON.parse(Buffer.from(p!, "base64url").toString()), displayName: "Mallory", roles: ["host"] };
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${sig}`;
    const result = await inspectEventToken(ctx, event.slug, tampered);
    expect(result.inspection.result).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(result.attendee).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it("treats another organization's event as not found", async () => {
    const { event, key } = await setup();
    const other = await makeTenant();
    await expect(inspectEventToken(other.ctx, event.slug, await signAttendeeToken(key))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("takes a whole entry link as well as a bare token", () => {
    expect(tokenFromInput("https://events.example.com/e/summit?token=a.b.c")).toBe("a.b.c");
    expect(tokenFromInput("  a.b.c \n")).toBe("a.b.c");
  });
});
