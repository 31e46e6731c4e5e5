// Tokens made exactly as the platform doc tells hosts to make them: an `ssh-keygen -m PEM` key pair,
// `openssl rsa -pubout` for the public half, and `jsonwebtoken` signing the doc's example claims.
import { execFileSync, spawnSync } from "node:child_process";
import { createHmac, createPublicKey } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jwt from "jsonwebtoken";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NOW, NOW_S, b64url, context } from "@/test/tokens";
import type { VerificationKey } from "./types";
import { verifyAttendeeToken } from "./verify-token";

const missingTools = ["ssh-keygen", "openssl"].filter((tool) => spawnSync(tool, ["version"], { stdio: "ignore" }).error !== undefined);
if (missingTools.length > 0) {
  console.warn(`interop tests skipped: ${missingTools.join(" and ")} not installed (the platform doc's key commands need them)`);
}

describe.skipIf(missingTools.length > 0)("interop with the platform doc's Node example", () => {
  let dir: string;
  let eventKey: VerificationKey;
  let otherKeyFile: string;

  /** The doc's two commands, verbatim but for the folder. */
  function makeKeyPair(name: string): string {
    const file = path.join(dir, name);
    execFileSync("ssh-keygen", ["-b", "2048", "-m", "PEM", "-t", "rsa", "-f", file, "-q", "-N", ""]);
    execFileSync("openssl", ["rsa", "-in", file, "-pubout", "-outform", "PEM", "-out", `${file}.pub`], { stdio: "ignore" });
    return file;
  }

  /** The doc's snippet: `jwt.sign({ displayName, email, userProfile }, privateKey, { algorithm: 'RS256', expiresIn: 300 })`. */
  function docToken(keyFile: string, options: jwt.SignOptions = {}): string {
    const privateKey = fs.readFileSync(keyFile);
    return jwt.sign(
      {
        displayName: "Larry David",
        email: "",
        userProfile: [
          ["organization", "Seinfield"],
          ["title", "Producer"],
          ["interests", "comedy"],
        ],
      },
      privateKey,
      { algorithm: "RS256", expiresIn: 300, ...options },
    );
  }

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "frameable-"));
    const keyFile = makeKeyPair("frameable.key");
    otherKeyFile = makeKeyPair("other.key");
    expect(fs.readFileSync(keyFile, "utf8")).toContain("-----BEGIN RSA PRIVATE KEY-----");
    const pem = fs.readFileSync(`${keyFile}.pub`, "utf8");
    expect(pem).toContain("-----BEGIN PUBLIC KEY-----");
    eventKey = { id: "key-doc", kid: "doc-kid", status: "active", publicKey: createPublicKey(pem) };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // jsonwebtoken stamps iat from Date.now(): freeze it so the times below are exact.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  const ctx = (now = new Date(NOW.getTime() + 5_000)) => context({ keys: [eventKey], now });

  it("accepts the doc's token (no kid, empty email) as Larry David", async () => {
    const token = docToken(path.join(dir, "frameable.key"));
    const result = await verifyAttendeeToken(token, ctx());
    expect(result).toMatchObject({
      ok: true,
      keyId: "key-doc",
      issuedAt: new Date(NOW_S * 1000),
      expiresAt: new Date((NOW_S + 300) * 1000),
      claims: {
        displayName: "Larry David",
        email: null,
        avatarUrl: null,
        userProfile: [
          ["organization", "Seinfield"],
          ["title", "Producer"],
          ["interests", "comedy"],
        ],
        roles: [],
      },
      notes: [],
    });
  });

  it("accepts it with a kid header too", async () => {
    const token = docToken(path.join(dir, "frameable.key"), { keyid: "doc-kid" });
    expect(await verifyAttendeeToken(token, ctx())).toMatchObject({ ok: true, kid: "doc-kid" });
  });

  it("refuses it once expired (300 s plus the 60 s leeway)", async () => {
    const token = docToken(path.join(dir, "frameable.key"));
    expect((await verifyAttendeeToken(token, ctx(new Date((NOW_S + 359) * 1000)))).ok).toBe(true);
    expect(await verifyAttendeeToken(token, ctx(new Date((NOW_S + 360) * 1000)))).toMatchObject({ ok: false, reason: "expired" });
  });

  it("refuses tampered tokens", async () => {
    const token = docToken(path.join(dir, "frameable.key"));
    const [header, payload, signature] = token.split(".") as [string, string, string];

    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const renamed = `${header}.${b64url(JSON.stringify({ ...claims, displayName: "Jerry Seinfeld" }))}.${signature}`;
    expect(await verifyAttendeeToken(renamed, ctx())).toMatchObject({ ok: false, reason: "bad_signature", detail: { problem: "content_changed" } });
    const promoted = `${header}.${b64url(JSON.stringify({ ...claims, roles: ["host"] }))}.${signature}`;
    expect(await verifyAttendeeToken(promoted, ctx())).toMatchObject({ ok: false, reason: "bad_signature" });
    const extended = `${header}.${b64url(JSON.stringify({ ...claims, exp: NOW_S + 3600 }))}.${signature}`;
    expect(await verifyAttendeeToken(extended, ctx())).toMatchObject({ ok: false, reason: "bad_signature" });

    const bytes = Buffer.from(signature, "base64url");
    bytes[100] = bytes[100]! ^ 0x01;
    expect(await verifyAttendeeToken(`${header}.${payload}.${b64url(bytes)}`, ctx())).toMatchObject({ ok: false });

    const pem = fs.readFileSync(path.join(dir, "frameable.key.pub"), "utf8");
    const hsHeader = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const hmac = createHmac("sha256", pem).update(`${hsHeader}.${payload}`).digest();
    expect(await verifyAttendeeToken(`${hsHeader}.${payload}.${b64url(hmac)}`, ctx())).toMatchObject({
      ok: false,
      reason: "bad_signature",
      detail: { problem: "alg_not_allowed" },
    });
  });

  it("refuses a doc-style token signed with someone else's key", async () => {
    expect(await verifyAttendeeToken(docToken(otherKeyFile), ctx())).toMatchObject({ ok: false, reason: "unknown_key", detail: { problem: "no_key_matches" } });
  });
});
