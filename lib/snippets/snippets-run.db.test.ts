import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideEntry, type EntryDecision } from "@/lib/entry/decide-entry";
import { addProfileField } from "@/lib/profile/service";
import { makeEvent, makeTenant, uid } from "@/test/factories";
import { addActiveKey } from "@/test/event-keys";
import type { SnippetLanguage } from "./languages";
import { snippetsForEvent } from "./service";

/**
 * Runs the snippets the page shows, as a host would: each starts its web server, the test follows
 * its /join-event like a browser and hands the token from the 302 to the real attendee entry.
 * Node's are always run (jsonwebtoken and jose are installed); Python's where /usr/bin/python3
 * has PyJWT (Debian: apt-get install python3-jwt).
 */
// Inside the project, so the snippets' `require("jsonwebtoken")` / `import "jose"` find node_modules.
const WORK = resolve(".tmp/snippets", uid("run"));
const PYTHON = process.env.SNIPPET_PYTHON ?? "/usr/bin/python3";
const hasPyJwt = spawnSync(PYTHON, ["-c", "import jwt, cryptography"], { encoding: "utf8" }).status === 0;
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill();
  rmSync(WORK, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Starts the snippet and follows its /join-event until it answers; returns the 302's Location. */
async function runSnippet(command: string, file: string, env: Record<string, string>): Promise<{ status: number; location: string; headers: Headers }> {
  const child = spawn(command, [file], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}:\n${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${env.PORT}/join-event`, { redirect: "manual" });
      child.kill();
      return { status: response.status, location: response.headers.get("location") ?? "", headers: response.headers };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error(`${file} did not answer within 20 s:\n${stderr}`);
}

const reasonOf = (outcome: EntryDecision) => (outcome.kind === "refused" ? outcome.failure.reason : outcome.kind);

async function setup() {
  const { ctx } = await makeTenant("admin");
  const event = await makeEvent(ctx, { name: "Snippet Day" });
  const key = await addActiveKey(ctx, event.slug);
  await addProfileField(ctx, event.slug, { key: "organization", label: "Organization", kind: "text" });
  // A key and label that need quoting in every language.
  await addProfileField(ctx, event.slug, { key: `it's "#{x}" $y`, label: `O'Brien \\ "Q"`, kind: "text" });
  mkdirSync(WORK, { recursive: true });
  const keyPath = join(WORK, `${event.slug}.key`);
  // PKCS#1, as the doc's `ssh-keygen -m PEM` writes it.
  writeFileSync(keyPath, key.privateKey.export({ type: "pkcs1", format: "pem" }));
  return { ctx, event, key, keyPath, snippets: await snippetsForEvent(ctx, event.slug) };
}

const RUNNERS: Array<{ language: SnippetLanguage; command: string; available: boolean; missing: string }> = [
  { language: "node-jsonwebtoken", command: process.execPath, available: true, missing: "" },
  { language: "node-jose", command: process.execPath, available: true, missing: "" },
  { language: "python", command: PYTHON, available: hasPyJwt, missing: `${PYTHON} with PyJWT and cryptography is not installed (Debian: apt-get install python3-jwt)` },
];

describe("the integration snippets, run", () => {
  for (const runner of RUNNERS) {
    it(`${runner.language}: redirects with a token the attendee entry accepts once`, { timeout: 60_000 }, async (context) => {
      if (!runner.available) {
        console.warn(`Skipped the ${runner.language} snippet: ${runner.missing}.`);
        context.skip(runner.missing);
      }
      const { event, key, keyPath, snippets } = await setup();
      const snippet = snippets.snippets.find((s) => s.language === runner.language)!;
      // This project is "type": "module", so the CommonJS snippet is saved as .cjs (as its comment says).
      const file = join(WORK, `${event.slug}-${snippet.fileName.replace(/\.js$/, ".cjs")}`);
      writeFileSync(file, snippet.code);

      const response = await runSnippet(runner.command, file, { PRIVATE_KEY_PATH: keyPath, PORT: String(await freePort()) });
      expect(response.status).toBe(302);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const prefix = `${snippets.description.entryUrl}?token=`;
      expect(response.location.startsWith(prefix), response.location).toBe(true);
      const token = response.location.slice(prefix.length);

      const [header, payload] = token.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString()) as Record<string, unknown>);
      expect(header).toMatchObject({ alg: "RS256", kid: key.kid });
      expect((payload!.exp as number) - (payload!.iat as number)).toBe(300);
      expect(typeof payload!.jti).toBe("string");

      // The snippet stamps iat from its own process clock, as a host's server does; the entry is
      // asked at that instant (the attendee follows the 302 at once), never at the test's wall clock.
      const arrival = new Date((payload!.iat as number) * 1000);
      const first = await decideEntry({ sameOrigin: true, slug: event.slug, token, step: "open", clientAddress: uid("ip"), now: arrival });
      expect(reasonOf(first)).toBe("signed_in");
      const session = await db.attendeeSession.findFirstOrThrow({ where: { eventId: event.id } });
      expect(JSON.parse(session.claims).claims).toMatchObject({
        displayName: "Larry David",
        email: "larry@example.com",
        userProfile: [["organization", "Seinfield"], [`it's "#{x}" $y`, `Sample o'brien \\ "q"`]],
        roles: [],
      });
      // Each click mints a new jti; a replayed token is refused.
      expect(reasonOf(await decideEntry({ sameOrigin: true, slug: event.slug, token, step: "open", clientAddress: uid("ip"), now: new Date(arrival.getTime() + 5_000) }))).toBe("already_used");
    });
  }
});
