import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fakeModulusJwk, openSshLine, pkcs1PublicPem, rsaPair, spkiPem } from "@/test/keys";
import { KeyRefusedError } from "./errors";
import { parsePublicKey } from "./parse-public-key";
import { DOC_PUBOUT_COMMAND, precheckKeyText, type KeyRefusalReason } from "./refusals";

async function refusalOf(input: string): Promise<KeyRefusedError> {
  try {
    await parsePublicKey(input);
  } catch (error) {
    if (error instanceof KeyRefusedError) return error;
    throw new Error(`expected a KeyRefusedError, got ${String(error)}`);
  }
  throw new Error("the key was accepted");
}

async function reasonOf(input: string): Promise<KeyRefusalReason> {
  return (await refusalOf(input)).reason;
}

const { publicKey, privateKey } = rsaPair(2048);
const jwkOf = (key = publicKey) => key.export({ format: "jwk" }) as { kty: string; n: string; e: string };

describe("parsePublicKey accepts every format the doc's commands (and JWK tooling) produce", () => {
  const spki = spkiPem(publicKey);
  const formats: Array<[string, string, string]> = [
    ["SPKI PEM", spki, "spki"],
    ["PKCS#1 PEM", pkcs1PublicPem(publicKey), "pkcs1"],
    ["OpenSSH line with comment", openSshLine(publicKey, "ada@laptop"), "openssh"],
    ["OpenSSH line without comment", openSshLine(publicKey, ""), "openssh"],
    ["JWK", JSON.stringify(jwkOf()), "jwk"],
    ["JWK with alg, use and kid", JSON.stringify({ ...jwkOf(), alg: "RS256", use: "sig", kid: "host-2027" }), "jwk"],
    ["JWK with key_ops verify", JSON.stringify({ ...jwkOf(), key_ops: ["verify"] }), "jwk"],
    ["JWKS with one key", JSON.stringify({ keys: [{ ...jwkOf(), kid: "only" }] }), "jwks"],
  ];

  it.each(formats)("%s", async (_name, input, format) => {
    const parsed = await parsePublicKey(input);
    expect(parsed.format).toBe(format);
    expect(parsed.bits).toBe(2048);
    expect(parsed.spkiPem).toBe(spki);
  });

  it("gives one identity to one key, whatever the format", async () => {
    const results = await Promise.all(formats.map(([, input]) => parsePublicKey(input)));
    expect(new Set(results.map((r) => r.kid)).size).toBe(1);
    expect(new Set(results.map((r) => r.fingerprint)).size).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r.jwk))).size).toBe(1);
  });

  it("tolerates CRLF, a missing final newline, surrounding blank lines, indentation and a BOM", async () => {
    const variants = [
      spki.replace(/\n/g, "\r\n"),
      spki.trimEnd(),
      `\n\n  ${spki}\n\n`,
      spki.split("\n").map((line) => `    ${line}`).join("\n"),
      `\uFEFF${spki}`,
      `${openSshLine(publicKey)}\r\n`,
      JSON.stringify(jwkOf(), null, 2).replace(/\n/g, "\r\n"),
    ];
    const expected = await parsePublicKey(spki);
    for (const variant of variants) expect((await parsePublicKey(variant)).kid).toBe(expected.kid);
  });

  it("returns only the public JWK members, and the comment as a label suggestion", async () => {
    const parsed = await parsePublicKey(openSshLine(publicKey, "deploy@host"));
    expect(Object.keys(parsed.jwk).sort()).toEqual(["e", "kty", "n"]);
    expect(parsed.jwk.e).toBe("AQAB");
    expect(parsed.comment).toBe("deploy@host");
  });

  it("computes kid as the RFC 7638 thumbprint (the RFC's own example)", async () => {
    const rfc7638 = {
      kty: "RSA",
      n: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
      e: "AQAB",
      alg: "RS256",
      kid: "2011-04-29",
    };
    expect((await parsePublicKey(JSON.stringify(rfc7638))).kid).toBe("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  });

  it("computes the fingerprint as SHA256:<base64 of the SPKI DER's SHA-256, unpadded>", async () => {
    const der = publicKey.export({ type: "spki", format: "der" });
    const expected = `SHA256:${createHash("sha256").update(der).digest("base64").replace(/=+$/, "")}`;
    expect((await parsePublicKey(spkiPem(publicKey))).fingerprint).toBe(expected);
    expect(expected).not.toContain("=");
  });

  it("accepts 3072- and 4096-bit keys and reports their size", async () => {
    for (const bits of [3072, 4096]) {
      expect((await parsePublicKey(spkiPem(rsaPair(bits).publicKey))).bits).toBe(bits);
    }
  });

  it("accepts exactly 16 KB of input and a key with 2048 or 4096 bits (the limits are inclusive)", async () => {
    const padded = spkiPem(publicKey).padEnd(16 * 1024, " ");
    expect((await parsePublicKey(padded)).bits).toBe(2048);
    const big = createPublicKey({ key: fakeModulusJwk(4096), format: "jwk" });
    expect((await parsePublicKey(spkiPem(big))).bits).toBe(4096);
  });
});

describe("parsePublicKey refuses private keys in any format, and says they were not stored", () => {
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const privateDer = privateKey.export({ type: "pkcs1", format: "der" });
  const pkcs8Der = privateKey.export({ type: "pkcs8", format: "der" });
  const wrap = (label: string, der: Buffer) => `-----BEGIN ${label}-----\n${der.toString("base64").replace(/.{64}/g, "$&\n")}\n-----END ${label}-----\n`;
  const cases: Array<[string, string]> = [
    ["PKCS#1 PEM (what the doc's ssh-keygen writes)", privateKey.export({ type: "pkcs1", format: "pem" }).toString()],
    ["PKCS#8 PEM", privateKey.export({ type: "pkcs8", format: "pem" }).toString()],
    ["encrypted PKCS#8 PEM", privateKey.export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" }).toString()],
    ["EC private key PEM", ec.privateKey.export({ type: "sec1", format: "pem" }).toString()],
    ["OpenSSH private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n"],
    ["private JWK", JSON.stringify(privateKey.export({ format: "jwk" }))],
    ["JWKS holding a private JWK", JSON.stringify({ keys: [privateKey.export({ format: "jwk" })] })],
    ["symmetric (oct) JWK", JSON.stringify({ kty: "oct", k: "c2VjcmV0", alg: "HS256" })],
    ["PuTTY key file", "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: rsa-key\nPublic-Lines: 6\n"],
    ["a public PEM as well as the private one", `${spkiPem(publicKey)}${privateKey.export({ type: "pkcs8", format: "pem" }).toString()}`],
    ["private DER under a BEGIN RSA PUBLIC KEY label", wrap("RSA PUBLIC KEY", privateDer)],
    ["private DER under a BEGIN PUBLIC KEY label", wrap("PUBLIC KEY", pkcs8Der)],
    ["bare base64 of a private key, no BEGIN/END lines", pkcs8Der.toString("base64")],
    ["CRLF private PEM", privateKey.export({ type: "pkcs1", format: "pem" }).toString().replace(/\n/g, "\r\n")],
  ];

  it.each(cases)("%s", async (_name, input) => {
    const error = await refusalOf(input);
    expect(error.reason).toBe("private_key");
    expect(error.code).toBe("VALIDATION");
    expect(error.field).toBe("publicKey");
    expect(error.message).toContain("NOT stored");
    expect(error.message).toContain("exposed");
    expect(error.refusal.command).toBe(DOC_PUBOUT_COMMAND);
  });

  it("never repeats the pasted key in its message", async () => {
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const error = await refusalOf(pem);
    const body = pem.split("\n")[3]!;
    expect(JSON.stringify(error.toBody())).not.toContain(body);
  });

  it("is caught in the browser before sending, for the formats text alone reveals", () => {
    for (const [name, input] of cases.slice(0, 10)) {
      expect(precheckKeyText(input)?.reason, name).toBe("private_key");
    }
    expect(precheckKeyText(spkiPem(publicKey))).toBeNull();
    expect(precheckKeyText(JSON.stringify(jwkOf()))).toBeNull();
  });
});

describe("parsePublicKey refuses everything else, each with its own reason", () => {
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
  const ed = generateKeyPairSync("ed25519").publicKey;
  const pss = generateKeyPairSync("rsa-pss", { modulusLength: 2048 }).publicKey;
  const small = rsaPair(1024).publicKey;
  const e3 = rsaPair(2048, 3).publicKey;
  const other = rsaPair(3072).publicKey;
  const spki = spkiPem(publicKey);
  const ed25519Line = (() => {
    const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
    const raw = Buffer.from(ed.export({ format: "jwk" }).x!, "base64url");
    return `ssh-ed25519 ${Buffer.concat([field(Buffer.from("ssh-ed25519")), field(raw)]).toString("base64")} ada@laptop`;
  })();

  const cases: Array<[string, string, KeyRefusalReason]> = [
    ["empty input", "", "empty"],
    ["only whitespace", "  \r\n\t ", "empty"],
    ["more than 16 KB", spki.padEnd(16 * 1024 + 1, " "), "too_long"],
    ["more than 16 KB of multi-byte text", "é".repeat(8193), "too_long"],
    ["an X.509 certificate", "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n", "certificate"],
    ["a certificate signing request", "-----BEGIN CERTIFICATE REQUEST-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE REQUEST-----\n", "certificate"],
    ["an OpenSSH certificate", `ssh-rsa-cert-v01@openssh.com AAAAHHNzaC1yc2EtY2VydC12MDFAb3BlbnNzaC5jb20= ada`, "certificate"],
    ["an EC key (SPKI)", spkiPem(ec), "not_rsa"],
    ["an Ed25519 key (SPKI)", spkiPem(ed), "not_rsa"],
    ["an RSA-PSS-only key", spkiPem(pss), "not_rsa"],
    ["an EC JWK", JSON.stringify(ec.export({ format: "jwk" })), "not_rsa"],
    ["an Ed25519 JWK", JSON.stringify(ed.export({ format: "jwk" })), "not_rsa"],
    ["an ssh-ed25519 line", ed25519Line, "not_rsa"],
    ["a 1024-bit key (SPKI)", spkiPem(small), "too_small"],
    ["a 1024-bit key (ssh-rsa)", openSshLine(small), "too_small"],
    ["a 2047-bit modulus", JSON.stringify(fakeModulusJwk(2047)), "too_small"],
    ["a 4097-bit modulus", JSON.stringify(fakeModulusJwk(4097)), "too_large"],
    ["an 8192-bit modulus (PEM)", spkiPem(createPublicKey({ key: fakeModulusJwk(8192), format: "jwk" })), "too_large"],
    ["exponent 3 (SPKI)", spkiPem(e3), "bad_exponent"],
    ["exponent 3 (ssh-rsa)", openSshLine(e3), "bad_exponent"],
    ["exponent 1 (JWK): any signature would verify", JSON.stringify(fakeModulusJwk(2048, "AQ")), "bad_exponent"],
    ["exponent 65539", JSON.stringify(fakeModulusJwk(2048, "AQAD")), "bad_exponent"],
    ["two PEM blocks", `${spki}${spkiPem(other)}`, "multiple_keys"],
    ["SPKI and PKCS#1 of one key", `${spki}\n${pkcs1PublicPem(publicKey)}`, "multiple_keys"],
    ["a JWKS with two keys", JSON.stringify({ keys: [jwkOf(), jwkOf(other)] }), "multiple_keys"],
    ["an empty JWKS", JSON.stringify({ keys: [] }), "multiple_keys"],
    ["two ssh-rsa lines", `${openSshLine(publicKey)}\n${openSshLine(other)}`, "multiple_keys"],
    ["a JWK for PS256", JSON.stringify({ ...jwkOf(), alg: "PS256" }), "wrong_use"],
    ["a JWK for RS512", JSON.stringify({ ...jwkOf(), alg: "RS512" }), "wrong_use"],
    ["a JWK for encryption", JSON.stringify({ ...jwkOf(), use: "enc" }), "wrong_use"],
    ["a JWK whose key_ops exclude verify", JSON.stringify({ ...jwkOf(), key_ops: ["encrypt"] }), "wrong_use"],
    ["garbage", "hello, this is my key", "unrecognized"],
    ["a password-like string", "correct-horse-battery-staple", "unrecognized"],
    ["a PEM block without its END line", spki.split("-----END")[0]!, "unrecognized"],
    ["a PEM block with damaged base64", spki.replace(/\n[A-Za-z0-9+/]{10}/, "\n!!!!!!!!!!"), "unrecognized"],
    ["a truncated PEM body", spki.split("\n").filter((_, i) => i !== 3).join("\n"), "unrecognized"],
    ["text around the PEM block", `My key:\n${spki}`, "unrecognized"],
    ["an unknown PEM label", "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQENBF\n-----END PGP PUBLIC KEY BLOCK-----", "unrecognized"],
    ["invalid JSON", '{"kty": "RSA", "n": ', "unrecognized"],
    ["a JSON array", JSON.stringify([jwkOf()]), "unrecognized"],
    ["JSON without kty", JSON.stringify({ n: jwkOf().n, e: "AQAB" }), "unrecognized"],
    ["a JWK with non-base64url n", JSON.stringify({ kty: "RSA", n: "not base64!", e: "AQAB" }), "unrecognized"],
    ["an SSH2 (RFC 4716) public key", "---- BEGIN SSH2 PUBLIC KEY ----\nComment: x\nAAAAB3NzaC1yc2E=\n---- END SSH2 PUBLIC KEY ----", "unrecognized"],
    ["a damaged ssh-rsa line", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== ada", "unrecognized"],
    ["the PEM body without BEGIN/END lines", publicKey.export({ type: "spki", format: "der" }).toString("base64"), "unrecognized"],
  ];

  it.each(cases)("%s", async (_name, input, reason) => {
    const error = await refusalOf(input);
    expect(error.reason).toBe(reason);
    expect(error.code).toBe("VALIDATION");
    expect(error.message.length).toBeGreaterThan(30);
  });

  it("says how big the key is, and what to do, for size and exponent refusals", async () => {
    expect((await refusalOf(spkiPem(small))).message).toContain("1024 bits");
    expect((await refusalOf(spkiPem(e3))).message).toContain("exponent is 3");
    expect((await refusalOf(spkiPem(small))).refusal.command).toContain("ssh-keygen -b 2048");
  });

  it("checks the 16 KB limit before anything else, in bytes not characters", async () => {
    expect(await reasonOf(`${privateKey.export({ type: "pkcs1", format: "pem" })}`.padEnd(20_000, "\n"))).toBe("too_long");
    expect(precheckKeyText("é".repeat(8193))?.reason).toBe("too_long");
  });
});
