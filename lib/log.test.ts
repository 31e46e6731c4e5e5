import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactSecrets, requestContext, routeConsoleToLogger } from "./log";

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJkaXNwbGF5TmFtZSI6IkxhcnJ5In0.c2lnbmF0dXJlLWJ5dGVz";
const PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
const API_KEY = "evk_AbCdEf0123456789abcdef";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(sink), lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("structured logs", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const { logger, records } = capture();
    logger.info({ eventSlug: "spring-summit" }, "entry refused");
    expect(records()).toEqual([expect.objectContaining({ level: "info", msg: "entry refused", eventSlug: "spring-summit", time: expect.any(String) })]);
  });

  it("carries the request id of the request it runs in", () => {
    const { logger, records } = capture();
    requestContext.run({ requestId: "req-42" }, () => logger.warn("inside"));
    logger.warn("outside");
    expect(records().map((r) => r.requestId)).toEqual(["req-42", undefined]);
  });

  it("censors secret members wherever they sit", () => {
    const { logger, lines } = capture();
    logger.info(
      { token: TOKEN, password: "hunter2-hunter2", headers: { authorization: `Bearer ${API_KEY}`, cookie: "better-auth.session_token=abc" }, body: { privateKey: PEM, session: "s3cr3t", nested: { apiKey: API_KEY } } },
      "request",
    );
    const text = lines.join("\n");
    for (const secret of [TOKEN, "hunter2-hunter2", API_KEY, "session_token=abc", "MIIEvQIBADAN", "s3cr3t"]) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });

  it("scrubs tokens, keys and bearer credentials out of free text and error messages", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error(`jose could not verify ${TOKEN}`) }, `failed for ${API_KEY}`);
    logger.error("header was Authorization: Bearer %s and pem %s", "abcdefghijklmnop", PEM);
    const text = lines.join("\n");
    for (const secret of [TOKEN, API_KEY, "abcdefghijklmnop", "MIIEvQIBADAN"]) expect(text).not.toContain(secret);
    expect(redactSecrets(`a ${TOKEN} b`)).toBe("a [redacted token] b");
    expect(redactSecrets("-----BEGIN RSA PRIVATE KEY-----\nMIIE truncated")).toBe("[redacted PEM]");
  });

  it("CR, LF and Unicode line separators in a logged value cannot start a new line", () => {
    const { logger, lines } = capture();
    const forged = 'x\r\n{"level":"info","msg":"admin signed in"}\u2028{"level":"info"}\u2029end';
    logger.warn({ slug: forged }, forged);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\u2028\u2029]/);
    const record = JSON.parse(lines[0]!) as { slug: string; msg: string };
    expect(record.slug).toBe(forged);
    expect(record.msg).toBe(forged);
  });

  it("routes console.error and console.warn through the same logger", () => {
    const { logger, records } = capture();
    const original = { error: console.error, warn: console.warn };
    try {
      routeConsoleToLogger(logger);
      console.error("Error: boom with %s\nat stack", TOKEN);
      console.warn("careful");
    } finally {
      Object.assign(console, original);
    }
    expect(records()).toEqual([
      expect.objectContaining({ level: "error", msg: "Error: boom with [redacted token]\nat stack" }),
      expect.objectContaining({ level: "warn", msg: "careful" }),
    ]);
  });
});
