import { describe, expect, it } from "vitest";
import { createDatabaseClient } from "@/lib/db/create-client";
import { uid } from "@/test/factories";
import { createRateLimiter } from "./limiter";

describe("shared rate limits", () => {
  it("share one budget between two app instances (two database clients)", async () => {
    const instanceA = createDatabaseClient(process.env.DATABASE_URL!);
    const instanceB = createDatabaseClient(process.env.DATABASE_URL!);
    const policy = { name: uid("limit"), points: 5, durationSeconds: 60 };
    const a = createRateLimiter(instanceA, policy);
    const b = createRateLimiter(instanceB, policy);
    const decisions = [];
    for (let i = 0; i < 6; i++) decisions.push(await (i % 2 === 0 ? a : b).consume("10.0.0.1"));
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(decisions[5]).toMatchObject({ allowed: false });
    expect((decisions[5] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(await a.consume("10.0.0.2")).toMatchObject({ allowed: true, remaining: 4 });
    await instanceA.$disconnect();
    await instanceB.$disconnect();
  });

  it("checks a budget without spending it", async () => {
    const client = createDatabaseClient(process.env.DATABASE_URL!);
    const limiter = createRateLimiter(client, { name: uid("check"), points: 2, durationSeconds: 60 });
    expect(await limiter.check("k")).toEqual({ allowed: true, remaining: 2 });
    await limiter.consume("k");
    expect(await limiter.check("k")).toEqual({ allowed: true, remaining: 1 });
    await limiter.consume("k");
    expect(await limiter.check("k")).toMatchObject({ allowed: false });
    expect(await limiter.check("other")).toEqual({ allowed: true, remaining: 2 });
    await client.$disconnect();
  });

  it("counts concurrent requests without losing any", async () => {
    const policy = { name: uid("burst"), points: 10, durationSeconds: 60 };
    const client = createDatabaseClient(process.env.DATABASE_URL!);
    const limiter = createRateLimiter(client, policy);
    const results = await Promise.all(Array.from({ length: 15 }, () => limiter.consume("burst")));
    expect(results.filter((r) => r.allowed).length).toBe(10);
    await client.$disconnect();
  });
});
