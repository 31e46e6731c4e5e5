/**
 * npm run bench:entry – the attendee entry over HTTP against a production server (next start) on a
 * fresh SQLite database, side by side with the health check (Next's own floor) in one run, so the
 * ratios hold on a noisy machine. 16 concurrent clients, each scenario for 5 s after a warm-up.
 */
import { spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { SignJWT, calculateJwkThumbprint } from "jose";
import { createDatabaseClient } from "@/lib/db/create-client";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureProductionBuild } from "./lib/build-fingerprint";

const PORT = 3190;
const BASE = `http://localhost:${PORT}`;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const CONCURRENCY = 16;

async function seed(url: string) {
  const db = createDatabaseClient(url);
  const org = await db.organization.create({ data: { id: randomUUID(), slug: "bench", name: "Bench", createdAt: new Date() } });
  const event = await db.event.create({ data: { organizationId: org.id, slug: "bench-event", name: "Bench", nameSearch: "bench", contact: "help@example.com" } });
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string };
  const kid = await calculateJwkThumbprint(jwk);
  await db.signingKey.create({
    data: { eventId: event.id, kid, fingerprint: "bench", bits: 2048, source: "uploaded", status: "active", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), activatedAt: new Date() },
  });
  await db.$disconnect();
  const sign = (claims: Record<string, unknown>, lifetime = 3600) =>
    new SignJWT({ displayName: "Bench Attendee", ...claims })
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + lifetime)
      .sign(privateKey);
  return { valid: await sign({}), expired: await sign({}, -3600), tampered: (await sign({})).slice(0, -6) + "AAAAAA" };
}

async function load(path: string, expectStatus: number) {
  let done = 0;
  let wrong = 0;
  const until = Date.now() + DURATION_MS;
  const client = async () => {
    while (Date.now() < until) {
      // A fresh client address per request: the entry's per-address limit is not what is measured.
      const ip = `10.${randomBytes(3).join(".")}`;
      const response = await fetch(`${BASE}${path}`, { redirect: "manual", headers: { "x-forwarded-for": ip } });
      await response.arrayBuffer();
      if (response.status === expectStatus) done++;
      else wrong++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return { perSecond: done / (DURATION_MS / 1000), wrong };
}

async function main() {
  const dir = ".tmp/bench";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const url = `file:./${dir}/bench.db`;
  await migrateDatabase(url, { quiet: true });
  const tokens = await seed(url);
  const env = { ...process.env, DATABASE_URL: url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64"), KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"), BETTER_AUTH_URL: BASE, TRUSTED_PROXY_HOPS: "1", NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  ensureProductionBuild(env);
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env, stdio: "ignore" });
  try {
    for (let i = 0; i < 100; i++) {
      if ((await fetch(`${BASE}/api/health`).catch(() => null))?.ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const scenarios: Array<[string, string, number]> = [
      ["GET /api/health (Next floor: one SELECT 1)", "/api/health", 200],
      ["entry, valid host token → 303 + session", `/e/bench-event?token=${tokens.valid}`, 303],
      ["entry, expired token → 401 page", `/e/bench-event?token=${tokens.expired}`, 401],
      ["entry, tampered token → 401 page", `/e/bench-event?token=${tokens.tampered}`, 401],
    ];
    for (const [, path, status] of scenarios) await load(path, status); // warm-up (JIT, caches)
    const rows = [];
    for (const [name, path, status] of scenarios) rows.push({ name, ...(await load(path, status)) });
    const floor = rows[0]!.perSecond;
    console.log(`\n${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each, one next start instance, SQLite\n`);
    console.log("| scenario | requests/s | vs health check |\n| --- | --- | --- |");
    for (const row of rows) console.log(`| ${row.name} | ${row.perSecond.toFixed(0)} | ${(row.perSecond / floor).toFixed(2)}× |${row.wrong ? ` (${row.wrong} unexpected statuses)` : ""}`);
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
