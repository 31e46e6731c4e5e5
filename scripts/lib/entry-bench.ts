/**
 * Shared by `npm run bench:entry` and `npm run bench:surge`: a fresh database per provider (SQLite
 * file; PostgreSQL database on TEST_POSTGRES_URL's server), an event with one active RS256 key, a
 * production server (`next start`) on it, and tokens signed the way a host signs them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createPrivateKey, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from "node:crypto";
import { mkdirSync, openSync, rmSync } from "node:fs";
import { calculateJwkThumbprint } from "jose";
import { createDatabaseClient } from "@/lib/db/create-client";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureProductionBuild } from "./build-fingerprint";
import { createScratchPostgres } from "./scratch-postgres";

export const EVENT_SLUG = "bench-event";

export interface BenchDatabase {
  label: "SQLite" | "PostgreSQL";
  url: string;
  drop(): Promise<void>;
}

/** The databases to measure on: SQLite always, PostgreSQL where TEST_POSTGRES_URL is set. */
export async function benchDatabases(name: string): Promise<BenchDatabase[]> {
  const dir = `.tmp/${name}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const list: BenchDatabase[] = [{ label: "SQLite", url: `file:./${dir}/bench.db`, drop: async () => undefined }];
  const base = process.env.TEST_POSTGRES_URL;
  if (base) {
    const { url, drop } = await createScratchPostgres(base, `jwtdash_${name.replace(/\W/g, "_")}_${Date.now()}`);
    list.push({ label: "PostgreSQL", url, drop });
  } else {
    console.log("TEST_POSTGRES_URL is not set: measuring SQLite only.");
  }
  for (const database of list) await migrateDatabase(database.url, { quiet: true });
  return list;
}

export interface BenchEvent {
  eventId: string;
  kid: string;
  privateKey: KeyObject;
}

/** An organization, the event and one active key (its private key stays in this process). */
export async function seedEvent(url: string): Promise<BenchEvent> {
  const db = createDatabaseClient(url);
  try {
    const org = await db.organization.create({ data: { id: randomUUID(), slug: "bench", name: "Bench", createdAt: new Date() } });
    const event = await db.event.create({ data: { organizationId: org.id, slug: EVENT_SLUG, name: "Bench Summit", nameSearch: "bench summit", contact: "help@example.com" } });
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const kid = await calculateJwkThumbprint(publicKey.export({ format: "jwk" }) as { kty: "RSA"; n: string; e: string });
    await db.signingKey.create({
      data: { eventId: event.id, kid, fingerprint: "bench", bits: 2048, source: "uploaded", status: "active", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), activatedAt: new Date() },
    });
    return { eventId: event.id, kid, privateKey: createPrivateKey(privateKey.export({ type: "pkcs8", format: "pem" })) };
  } finally {
    await db.$disconnect();
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An RS256 token as a host's server signs it (node:crypto: about 3,500 a second, enough for 12,500). */
export function signToken(event: BenchEvent, claims: Record<string, unknown>, lifetimeSeconds = 3600, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const input = `${b64({ alg: "RS256", typ: "JWT", kid: event.kid })}.${b64({ displayName: "Bench Attendee", iat, exp: iat + lifetimeSeconds, ...claims })}`;
  return `${input}.${sign("sha256", Buffer.from(input), event.privateKey).toString("base64url")}`;
}

/** One-off test links as the dashboard records them, with their tokens (for the confirmation POST). */
export async function seedOneOffLinks(url: string, event: BenchEvent, count: number): Promise<string[]> {
  const db = createDatabaseClient(url);
  const tokens: string[] = [];
  try {
    const now = new Date();
    for (let start = 0; start < count; start += 1000) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        const jti = `bench-link-${i}-${randomBytes(6).toString("hex")}`;
        const displayName = `Link Attendee ${i}`;
        tokens.push(signToken(event, { jti, displayName }, 3000));
        rows.push({
          eventId: event.eventId,
          jti,
          kind: "one_off",
          kid: event.kid,
          tokenHash: jti,
          displayName,
          nameSearch: displayName.toLowerCase(),
          roles: ",",
          claims: JSON.stringify({ displayName }),
          signedIn: "server",
          issuedAt: now,
          expiresAt: new Date(now.getTime() + 3000_000),
          issuedByLabel: "bench",
        });
      }
      await db.issuedLink.createMany({ data: rows });
    }
  } finally {
    await db.$disconnect();
  }
  return tokens;
}

/** `next start` on the database (optionally under `node --cpu-prof`), once the build is current. */
export async function startServer(url: string, port: number, options: { cpuProfileDir?: string; logFile?: string } = {}): Promise<{ base: string; stop(): Promise<void> }> {
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_URL: base,
    // wrk and the surge driver stand in for a proxy that names each client in X-Forwarded-For.
    TRUSTED_PROXY_HOPS: "1",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  ensureProductionBuild(env);
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const server: ChildProcess = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env,
    // The server's own log (wrk drops its connections at the end of a run, which Next logs as "aborted").
    stdio: ["ignore", "ignore", options.logFile ? openSync(options.logFile, "w") : "inherit"],
  });
  for (let i = 0; i < 150; i++) {
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGINT");
        setTimeout(() => server.kill("SIGKILL"), 10_000).unref();
      }),
  };
}
