/**
 * npm run bench:soak – 200,000 entries through the attendee entry on a simulated clock (4 days,
 * one entry every 1.7 s), with the server's pruning every simulated 10 minutes, and the row counts of
 * every table that only grew before (attendee sessions, host-jti claims, rate-limit rows, entry
 * attempts, per-minute counters) read every simulated hour. Bounded = the counts level off while
 * the entries keep coming. SQLite; the organization keeps activity 1 day so the levelling shows.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { SignJWT, calculateJwkThumbprint } from "jose";
import { migrateDatabase } from "@/lib/db/migrate";

const ENTRIES = Number(process.env.SOAK_ENTRIES ?? 200_000);
const DAYS = 4;
const WORKERS = 8;

async function main() {
  rmSync(".tmp/bench-soak", { recursive: true, force: true });
  mkdirSync(".tmp/bench-soak", { recursive: true });
  const url = "file:./.tmp/bench-soak/soak.db";
  await migrateDatabase(url, { quiet: true });
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { decideEntry } = await import("@/lib/entry/decide-entry");
  const { recordEntryDecision } = await import("@/lib/entry/record-attempt");
  const { flushEntryAttempts } = await import("@/lib/activity/recorder");
  const { pruneExpiredRows } = await import("@/lib/hygiene/prune");

  const start = new Date(Date.UTC(2027, 3, 1));
  const org = await db.organization.create({ data: { id: randomUUID(), slug: "soak", name: "Soak", createdAt: start, activityRetentionDays: 1 } });
  const event = await db.event.create({ data: { organizationId: org.id, slug: "soak", name: "Soak", nameSearch: "soak", contact: "help@example.com" } });
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = await calculateJwkThumbprint(publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string });
  await db.signingKey.create({ data: { eventId: event.id, kid, fingerprint: "soak", bits: 2048, source: "uploaded", status: "active", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), activatedAt: start } });

  const stepMs = (DAYS * 86_400_000) / ENTRIES;
  const sign = (iat: number, jti: string | null, lifetime = 300) => {
    const token = new SignJWT({ displayName: `Attendee ${Math.floor(Math.random() * 5000)}` }).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt(iat).setExpirationTime(iat + lifetime);
    if (jti) token.setJti(jti);
    return token.sign(privateKey);
  };
  // Tokens without jti are reused within each simulated 5 minutes (a platform's cached link); every 5th entry mints a fresh jti.
  const reusable = new Map<number, Promise<string>>();
  const counts = async () => ({
    attendeeSessions: await db.attendeeSession.count(),
    tokenRedemptions: await db.tokenRedemption.count(),
    rateLimitRows: await db.rateLimiterFlexible.count(),
    entryAttempts: await db.entryAttempt.count(),
    activityMinutes: await db.activityMinute.count(),
  });

  const samples: Array<{ day: number; entries: number } & Awaited<ReturnType<typeof counts>>> = [];
  let next = 0;
  let nextPrune = start.getTime() + 600_000;
  let nextSample = start.getTime() + 3_600_000;
  let pruning: Promise<unknown> = Promise.resolve();
  const began = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= ENTRIES) return;
      const now = new Date(start.getTime() + i * stepMs);
      const nowS = Math.floor(now.getTime() / 1000);
      let token: string;
      if (i % 20 === 7) token = await sign(nowS - 3600, null); // expired: a refusal (spends the per-network budget)
      else if (i % 5 === 0) token = await sign(nowS, randomUUID());
      else {
        const slot = Math.floor(nowS / 300);
        if (!reusable.has(slot)) reusable.set(slot, sign(slot * 300, null, 600));
        token = await reusable.get(slot)!;
      }
      const address = `10.1.${i % 100}.1`;
      const decision = await decideEntry({ slug: "soak", token, step: "open", clientAddress: address, now });
      recordEntryDecision(decision, { address, userAgent: null }, now);
      if (now.getTime() >= nextPrune) {
        nextPrune += 600_000;
        pruning = pruning.then(() => flushEntryAttempts()).then(() => pruneExpiredRows(db, now));
      }
      if (now.getTime() >= nextSample) {
        nextSample += 3_600_000;
        await pruning;
        samples.push({ day: (now.getTime() - start.getTime()) / 86_400_000, entries: i, ...(await counts()) });
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  await pruning;
  await flushEntryAttempts();
  const seconds = (performance.now() - began) / 1000;

  console.log(`\n${ENTRIES.toLocaleString("en-US")} entries over ${DAYS} simulated days in ${seconds.toFixed(0)} s (SQLite, ${WORKERS} concurrent), pruned every simulated 10 minutes; activity kept 1 day\n`);
  console.log("| simulated day | entries so far | attendee sessions | host-jti claims | rate-limit rows | entry attempts | per-minute counters |\n| --- | --- | --- | --- | --- | --- | --- |");
  for (const s of samples.filter((_, k) => k % 12 === 11 || k === samples.length - 1)) {
    console.log(`| ${s.day.toFixed(1)} | ${s.entries.toLocaleString("en-US")} | ${s.attendeeSessions.toLocaleString("en-US")} | ${s.tokenRedemptions.toLocaleString("en-US")} | ${s.rateLimitRows} | ${s.entryAttempts.toLocaleString("en-US")} | ${s.activityMinutes.toLocaleString("en-US")} |`);
  }
  const lastDays = samples.filter((s) => s.day >= 2);
  const max = (k: keyof Awaited<ReturnType<typeof counts>>) => Math.max(...lastDays.map((s) => s[k]));
  console.log(`\nLargest counts in days 2–4 (while another ${(ENTRIES / 2).toLocaleString("en-US")} entries arrived): sessions ${max("attendeeSessions")}, jti claims ${max("tokenRedemptions")}, rate-limit rows ${max("rateLimitRows")}, attempts ${max("entryAttempts")}, counters ${max("activityMinutes")}.`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
