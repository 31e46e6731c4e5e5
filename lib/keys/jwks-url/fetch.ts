import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { forbiddenAddressReason } from "./address-policy";

/** Limits on what the server fetches on a host's behalf (issue: at most 64 KB, 3 s). */
export const JWKS_FETCH_LIMITS = { maxBytes: 64 * 1024, timeoutMs: 3000, maxRedirects: 3 } as const;

/** Refresh interval from Cache-Control max-age, clamped to 1–60 minutes; 10 minutes without one. */
export const JWKS_MAX_AGE = { minSeconds: 60, maxSeconds: 3600, defaultSeconds: 600 } as const;

/**
 * `JWKS_ALLOW_INSECURE_HOSTS=true` lifts the https and address rules so a JWKS served from this machine
 * (a test server, a local identity provider) can be followed. For local development and tests only.
 */
export function insecureHostsAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env.JWKS_ALLOW_INSECURE_HOSTS === "true";
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export interface FetchOptions {
  allowInsecure?: boolean;
  /** Name resolution (tests inject one to play DNS rebinding); the system resolver by default. */
  resolve?: Resolver;
  timeoutMs?: number;
  maxBytes?: number;
}

export type FetchOutcome =
  | { ok: true; body: string; maxAgeSeconds: number; finalUrl: string }
  | { ok: false; error: string };

export class JwksUrlError extends Error {}

/** The URL rules that need no network: absolute https (http only when insecure hosts are allowed), no credentials. */
export function checkJwksUrl(raw: string, allowInsecure = insecureHostsAllowed()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new JwksUrlError("This is not a URL. Enter the full address where your platform publishes its JWKS, e.g. https://auth.example.com/.well-known/jwks.json.");
  }
  if (raw.length > 2048) throw new JwksUrlError("The URL is longer than 2,048 characters.");
  if (url.protocol !== "https:" && !(allowInsecure && url.protocol === "http:")) {
    throw new JwksUrlError(`The JWKS URL must start with https:// (it is ${url.protocol.replace(/:$/, "")}): keys fetched over plain http could be swapped on the way.`);
  }
  if (url.username || url.password) throw new JwksUrlError("The URL must not contain a user name or password: a JWKS is public.");
  if (url.hash) throw new JwksUrlError("Remove the #fragment from the URL.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !allowInsecure) {
    const why = forbiddenAddressReason(host);
    if (why) throw new JwksUrlError(`The server does not fetch from ${host}: it is ${why}. Use your platform's public https address.`);
  }
  return url;
}

/** max-age from a Cache-Control header, clamped; the default when absent or no-store/no-cache. */
export function refreshSecondsFrom(cacheControl: string | null | undefined): number {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl ?? "");
  if (!match) return JWKS_MAX_AGE.defaultSeconds;
  const seconds = Number(match[1]);
  return Math.min(JWKS_MAX_AGE.maxSeconds, Math.max(JWKS_MAX_AGE.minSeconds, seconds));
}

/**
 * Resolves, then refuses the whole name if ANY of its addresses is forbidden; the socket connects to the
 * addresses checked here (never to a second lookup), which closes the DNS-rebinding gap.
 */
function guardedLookup(resolve: Resolver, allowInsecure: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const family = typeof options === "object" && options?.family ? options.family : 0;
        const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
        if (!allowInsecure) {
          for (const a of usable) {
            const why = forbiddenAddressReason(a.address);
            if (why) return callback(new JwksUrlError(`${hostname} resolves to ${a.address}, which is ${why}; the server does not fetch from there.`), "", 4);
          }
        }
        if (typeof options === "object" && options?.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, "", 4),
    );
  };
}

function describeNetworkError(error: unknown, host: string): string {
  if (error instanceof JwksUrlError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `The name ${host} does not resolve. Check the URL.`;
  if (code === "ECONNREFUSED") return `${host} refused the connection.`;
  if (code === "ECONNRESET") return `${host} closed the connection.`;
  if (code && /CERT|SSL|TLS/.test(code)) return `${host}'s TLS certificate is not valid (${code}).`;
  return `The fetch failed (${code ?? (error instanceof Error ? error.message : "unknown error")}).`;
}

/**
 * Fetches a JWKS document the safe way: https only, addresses checked after resolution, redirects only
 * within the same host, at most 64 KB within 3 s for the whole exchange (redirects included). Never throws.
 */
export async function fetchJwksDocument(rawUrl: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const allowInsecure = options.allowInsecure ?? insecureHostsAllowed();
  const timeoutMs = options.timeoutMs ?? JWKS_FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? JWKS_FETCH_LIMITS.maxBytes;
  const lookup = guardedLookup(options.resolve ?? systemResolver, allowInsecure);
  let url: URL;
  try {
    url = checkJwksUrl(rawUrl, allowInsecure);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const origin = url.host;
  const deadline = Date.now() + timeoutMs;

  for (let hop = 0; hop <= JWKS_FETCH_LIMITS.maxRedirects; hop++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { ok: false, error: `No complete answer within ${timeoutMs / 1000} s.` };
    const result = await fetchOnce(url, { lookup, maxBytes, timeoutMs: remaining, totalTimeoutMs: timeoutMs });
    if (result.kind === "error") return { ok: false, error: result.error };
    if (result.kind === "redirect") {
      let next: URL;
      try {
        next = checkJwksUrl(new URL(result.location, url).toString(), allowInsecure);
      } catch (error) {
        return { ok: false, error: `It redirects to an address the server refuses: ${(error as Error).message}` };
      }
      if (next.host !== origin) return { ok: false, error: `It redirects to another host (${next.host}); the server only follows redirects within ${origin}. Use the final URL.` };
      url = next;
      continue;
    }
    return { ok: true, body: result.body, maxAgeSeconds: refreshSecondsFrom(result.cacheControl), finalUrl: url.toString() };
  }
  return { ok: false, error: `More than ${JWKS_FETCH_LIMITS.maxRedirects} redirects. Use the final URL.` };
}

type Once = { kind: "body"; body: string; cacheControl: string | null } | { kind: "redirect"; location: string } | { kind: "error"; error: string };

function fetchOnce(url: URL, o: { lookup: LookupFunction; maxBytes: number; timeoutMs: number; totalTimeoutMs: number }): Promise<Once> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (value: Once) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(value);
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      { method: "GET", lookup: o.lookup, headers: { accept: "application/jwk-set+json, application/json", "user-agent": "event-dashboard-jwks/1" }, agent: false },
      (response) => {
        const status = response.statusCode ?? 0;
        if ([301, 302, 303, 307, 308].includes(status)) {
          const location = response.headers.location;
          return done(location ? { kind: "redirect", location } : { kind: "error", error: `It answered HTTP ${status} without a Location.` });
        }
        if (status !== 200) return done({ kind: "error", error: `It answered HTTP ${status} instead of 200 with the JWKS.` });
        const declared = Number(response.headers["content-length"] ?? NaN);
        if (declared > o.maxBytes) return done({ kind: "error", error: tooLarge(o.maxBytes) });
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) return done({ kind: "error", error: tooLarge(o.maxBytes) });
          chunks.push(chunk);
        });
        response.on("end", () => done({ kind: "body", body: Buffer.concat(chunks).toString("utf8"), cacheControl: (response.headers["cache-control"] as string | undefined) ?? null }));
        response.on("error", (error) => done({ kind: "error", error: describeNetworkError(error, url.hostname) }));
      },
    );
    const timer = setTimeout(() => done({ kind: "error", error: `No complete answer within ${o.totalTimeoutMs / 1000} s.` }), o.timeoutMs);
    request.on("error", (error) => done({ kind: "error", error: describeNetworkError(error, url.hostname) }));
    request.end();
  });
}

function tooLarge(maxBytes: number): string {
  return `The document is larger than ${maxBytes / 1024} KB; a JWKS of a few keys is a few KB.`;
}
