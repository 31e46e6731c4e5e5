import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { flushEntryAttempts, pendingEntryAttempts, recordEntryAttempt } from "@/lib/activity/recorder";
import { flushKeyUsage, recordKeyUse } from "@/lib/keys/usage-recorder";
import { makeEvent, makeTenant } from "@/test/factories";
import { addActiveKey } from "@/test/event-keys";
import { installShutdownFlush } from "./shutdown";

describe("SIGTERM", () => {
  it("writes the buffered entry attempts and the key-usage counters before the process exits (one hook for both)", async () => {
    const { ctx } = await makeTenant();
    const event = await makeEvent(ctx);
    const key = await addActiveKey(ctx, event.slug);
    await flushEntryAttempts();
    const at = new Date("2027-04-01T15:00:00Z");
    for (let i = 0; i < 3; i++) {
      recordKeyUse(key.keyId, at);
      recordEntryAttempt({ eventId: event.id, at, step: "open", outcome: "refused", failure: { reason: "rate_limited", detail: { retryAfterSeconds: 5 } }, clientAddress: "192.0.2.1", userAgent: null });
    }
    expect(pendingEntryAttempts()).toBe(3);

    const proc = new EventEmitter() as EventEmitter & { exit: (code?: number) => never };
    const exited = new Promise<number>((resolve) => {
      proc.exit = ((code?: number) => resolve(code ?? 0)) as (code?: number) => never;
    });
    installShutdownFlush([flushKeyUsage, flushEntryAttempts], proc);
    proc.emit("SIGTERM");
    expect(await exited).toBe(143);

    expect(await db.entryAttempt.count({ where: { eventId: event.id } })).toBe(3);
    expect((await db.signingKey.findUniqueOrThrow({ where: { id: key.keyId } })).verifyCount).toBe(3);
  });
});
