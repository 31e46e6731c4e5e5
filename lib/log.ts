import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";
import pino from "pino";

/**
 * Server logs: one JSON object per line (pino), each with the request id of the request it belongs
 * to (set by the request hook, lib/http/request-hook.ts, and returned to the client as X-Request-Id).
 *
 * What never reaches a log: tokens, private keys, API keys, passwords, session secrets, cookies and
 * Authorization headers. Members with those names are censored wherever they sit (`redact`), and
 * every string is scrubbed for token, PEM, API-key and bearer shapes (`redactSecrets`), because a
 * library error may quote its input. JSON encoding turns CR and LF into \r and \n; U+2028/U+2029
 * are escaped too, so no logged value can start a line of its own.
 */
export interface RequestContext {
  requestId: string;
}

const CONTEXT = Symbol.for("jwt-entry-dashboard.request-context");
const holder = globalThis as { [CONTEXT]?: AsyncLocalStorage<RequestContext> };
/** One store per process, shared by the request hook and every bundle that logs. */
export const requestContext: AsyncLocalStorage<RequestContext> = (holder[CONTEXT] ??= new AsyncLocalStorage<RequestContext>());

const SECRET_MEMBERS = [
  "token", "password", "newPassword", "currentPassword", "secret", "privateKey", "privateKeyPem", "apiKey", "key",
  "authorization", "cookie", "set-cookie", "session", "sessionToken", "accessToken", "refreshToken", "idToken",
];
export const REDACTED_PATHS = [
  ...SECRET_MEMBERS.map((name) => `["${name}"]`),
  ...SECRET_MEMBERS.map((name) => `*["${name}"]`),
  ...SECRET_MEMBERS.map((name) => `*.*["${name}"]`),
];

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g;
const API_KEY = /\bevk_[A-Za-z0-9_-]{6,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** Defence in depth: a library error that quotes its input must not carry a token or a key into a log. */
export function redactSecrets(text: string): string {
  return text
    .replace(PEM_BLOCK, "[redacted PEM]")
    .replace(JWT_LIKE, "[redacted token]")
    .replace(API_KEY, "[redacted API key]")
    .replace(BEARER, "$1 [redacted]");
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { type: value.name, message: redactSecrets(value.message), stack: redactSecrets(value.stack ?? "") };
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, scrub(member, depth + 1)]));
}

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { requestId: context.requestId } : {};
      },
      formatters: { level: (label) => ({ level: label }), log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // Messages are scrubbed like values; pino's own interpolation is not used.
          const [first, ...rest] = args as unknown[];
          if (typeof first === "string") return method.apply(this, [redactSecrets(format(first, ...rest))] as never);
          return method.apply(this, [first, ...rest.map((item) => (typeof item === "string" ? redactSecrets(item) : item))] as never);
        },
        // JSON already escapes CR and LF; these two are valid raw in JSON yet break lines in many viewers.
        streamWrite: (line) => line.replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029")),
      },
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

export const logger = createLogger();

/** Unexpected failures: where, and the error's type, message and stack, never the request's input. */
export function logUnexpected(where: string, error: unknown): void {
  logger.error({ where, err: error instanceof Error ? error : { message: String(error) } }, `unexpected failure in ${where}`);
}

/**
 * Everything else the server process prints through console.error/warn (Next's own errors, libraries)
 * goes through the same logger, so it too is one JSON line with a request id and scrubbed values.
 */
export function routeConsoleToLogger(target: pino.Logger = logger): void {
  console.error = (...args: unknown[]) => target.error(format(...args));
  console.warn = (...args: unknown[]) => target.warn(format(...args));
}
