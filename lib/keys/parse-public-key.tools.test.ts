import { execFileSync, spawnSync } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jwt from "jsonwebtoken";
import { jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyRefusedError } from "./errors";
import { parsePublicKey } from "./parse-public-key";
import { FINGERPRINT_COMMAND } from "./identity";
import { DOC_KEYGEN_COMMAND, DOC_PUBOUT_COMMAND, type KeyRefusalReason } from "./refusals";

/**
 * Keys made by the platform doc's exact commands (and the neighbouring ones admins actually run),
 * on this machine's ssh-keygen and openssl. Skipped, saying so, where the tools are missing.
 */
const has = (tool: string) => spawnSync(tool, ["--help"], { stdio: "ignore" }).error === undefined; // only a missing binary sets .error
const toolsPresent = has("ssh-keygen") && has("openssl");
if (!toolsPresent) console.warn("[keys] ssh-keygen or openssl not found: the real-tool key format tests are skipped.");

let dir = "";
const sh = (command: string) => execFileSync("sh", ["-c", command], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }).toString();
const read = (file: string) => readFileSync(join(dir, file), "utf8");

async function reasonOf(input: string): Promise<KeyRefusalReason | "accepted"> {
  try {
    await parsePublicKey(input);
    return "accepted";
  } catch (error) {
    if (error instanceof KeyRefusedError) return error.reason;
    throw error;
  }
}

describe.skipIf(!toolsPresent)("keys made by ssh-keygen and openssl (the doc's commands)", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "keys-tools-"));
    // The doc, verbatim.
    sh(DOC_KEYGEN_COMMAND);
    sh(DOC_PUBOUT_COMMAND);
    // What else admins run on the same key.
    sh("openssl rsa -in frameable.key -RSAPublicKey_out -out frameable.rsa.pub.pem 2>/dev/null");
    sh("ssh-keygen -e -m PKCS8 -f frameable.key.pub > frameable.ssh-pkcs8.pem");
    sh("ssh-keygen -e -m PEM -f frameable.key.pub > frameable.ssh-pkcs1.pem");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("wrote what the doc says: a PKCS#1 private key, an ssh-rsa .pub line and an SPKI .pub.pem", () => {
    expect(read("frameable.key")).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(read("frameable.key.pub")).toMatch(/^ssh-rsa AAAA/);
    expect(read("frameable.pub.pem")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it("accepts every public form of the key, each with the same kid, fingerprint and size", async () => {
    const files = ["frameable.pub.pem", "frameable.key.pub", "frameable.rsa.pub.pem", "frameable.ssh-pkcs8.pem", "frameable.ssh-pkcs1.pem"];
    const parsed = await Promise.all(files.map((f) => parsePublicKey(read(f))));
    expect(parsed.map((p) => p.format)).toEqual(["spki", "openssh", "pkcs1", "spki", "pkcs1"]);
    expect(new Set(parsed.map((p) => p.kid)).size).toBe(1);
    expect(new Set(parsed.map((p) => p.fingerprint)).size).toBe(1);
    expect(parsed[0]!.bits).toBe(2048);
    expect(parsed[0]!.spkiPem).toBe(read("frameable.pub.pem"));
  });

  it("shows the fingerprint openssl prints for the same file", async () => {
    const ours = (await parsePublicKey(read("frameable.pub.pem"))).fingerprint;
    const theirs = sh(FINGERPRINT_COMMAND).trim();
    expect(ours).toBe(`SHA256:${theirs.replace(/=+$/, "")}`);
  });

  it("verifies a token the doc's Node snippet signs with frameable.key, against the pasted public key", async () => {
    const token = jwt.sign({ displayName: "Larry David" }, readFileSync(join(dir, "frameable.key")), { algorithm: "RS256", expiresIn: 300 });
    const parsed = await parsePublicKey(read("frameable.key.pub"));
    const { payload } = await jwtVerify(token, createPublicKey(parsed.spkiPem), { algorithms: ["RS256"] });
    expect(payload.displayName).toBe("Larry David");
  });

  it("accepts a 4096-bit ssh-keygen key", async () => {
    sh('ssh-keygen -b 4096 -m PEM -t rsa -f big.key -q -N ""');
    expect((await parsePublicKey(read("big.key.pub"))).bits).toBe(4096);
  });

  it("refuses the private key file itself, in every format the tools write", async () => {
    sh('ssh-keygen -b 2048 -t rsa -f openssh.key -q -N ""'); // without -m PEM: the OPENSSH PRIVATE KEY format
    sh("openssl pkcs8 -topk8 -nocrypt -in frameable.key -out frameable.pk8");
    sh("openssl pkcs8 -topk8 -v2 aes-256-cbc -passout pass:secret -in frameable.key -out frameable.enc.pk8");
    sh('ssh-keygen -t ed25519 -f ed.key -q -N ""');
    for (const file of ["frameable.key", "openssh.key", "frameable.pk8", "frameable.enc.pk8", "ed.key"]) {
      expect(await reasonOf(read(file)), file).toBe("private_key");
    }
    expect(await reasonOf(read("frameable.key").replace(/\n/g, "\r\n")), "CRLF").toBe("private_key");
  });

  it("refuses certificates, other key types, short keys and unsafe exponents made by the tools", async () => {
    sh("openssl req -x509 -new -key frameable.key -subj /CN=test -days 1 -out cert.pem 2>/dev/null");
    sh("openssl req -new -key frameable.key -subj /CN=test -out csr.pem 2>/dev/null");
    sh("openssl ecparam -genkey -name prime256v1 -noout -out ec.key && openssl ec -in ec.key -pubout -out ec.pub.pem 2>/dev/null");
    sh("openssl genpkey -algorithm ed25519 -out ed.pem && openssl pkey -in ed.pem -pubout -out ed.pub.pem");
    sh("openssl genrsa -out small.key 1024 2>/dev/null && openssl rsa -in small.key -pubout -out small.pub.pem 2>/dev/null");
    sh("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_keygen_pubexp:3 -out e3.key 2>/dev/null && openssl rsa -in e3.key -pubout -out e3.pub.pem 2>/dev/null");
    sh('ssh-keygen -t ecdsa -f ecdsa.key -q -N ""');
    const expected: Array<[string, KeyRefusalReason]> = [
      ["cert.pem", "certificate"],
      ["csr.pem", "certificate"],
      ["ec.pub.pem", "not_rsa"],
      ["ed.pub.pem", "not_rsa"],
      ["ed.key.pub", "not_rsa"],
      ["ecdsa.key.pub", "not_rsa"],
      ["small.pub.pem", "too_small"],
      ["e3.pub.pem", "bad_exponent"],
    ];
    for (const [file, reason] of expected) expect(await reasonOf(read(file)), file).toBe(reason);
    expect(await reasonOf(read("frameable.pub.pem") + read("cert.pem"))).toBe("certificate");
    expect(await reasonOf(read("frameable.pub.pem") + read("small.pub.pem"))).toBe("multiple_keys");
  });
});
