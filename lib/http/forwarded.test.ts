import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTrustedForwarding, clientAddress, CLIENT_ADDRESS_HEADER, nthFromRight, resolveClient, trustedProxyHops } from "./forwarded";
import { installRequestHook } from "./request-hook";

const VICTIM = "198.51.100.23";

describe("resolveClient with TRUSTED_PROXY_HOPS=0 (clients connect directly)", () => {
  const resolve = (headers: Record<string, string>) => resolveClient({ socketAddress: "203.0.113.9", headers, hops: 0 });
  it("uses the socket's address, whatever X-Forwarded-For says", () => {
    expect(resolve({}).address).toBe("203.0.113.9");
    expect(resolve({ "x-forwarded-for": VICTIM }).address).toBe("203.0.113.9");
    expect(resolve({ "x-forwarded-for": `${VICTIM}, 10.0.0.1` }).address).toBe("203.0.113.9");
    expect(resolve({ "x-real-ip": VICTIM, "x-client-address": VICTIM }).address).toBe("203.0.113.9");
  });
  it("believes no forwarded host or protocol", () => {
    expect(resolve({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).toEqual({ address: "203.0.113.9" });
  });
  it("unwraps IPv4-mapped IPv6 socket addresses", () => {
    expect(resolveClient({ socketAddress: "::ffff:203.0.113.9", headers: {}, hops: 0 }).address).toBe("203.0.113.9");
    expect(resolveClient({ socketAddress: "2001:DB8::1", headers: {}, hops: 0 }).address).toBe("2001:db8::1");
    expect(resolveClient({ socketAddress: undefined, headers: {}, hops: 0 }).address).toBe("unknown");
  });
});

describe("resolveClient with TRUSTED_PROXY_HOPS=1 (one load balancer appends the peer it saw)", () => {
  const resolve = (headers: Record<string, string | string[]>) => resolveClient({ socketAddress: "10.0.0.2", headers, hops: 1 });
  it("takes the rightmost entry: the one our proxy wrote", () => {
    expect(resolve({ "x-forwarded-for": "203.0.113.9" }).address).toBe("203.0.113.9");
    // The client prepended a victim's address; the proxy appended the real one.
    expect(resolve({ "x-forwarded-for": `${VICTIM}, 203.0.113.9` }).address).toBe("203.0.113.9");
    expect(resolve({ "x-forwarded-for": `${VICTIM},${VICTIM}, 203.0.113.9` }).address).toBe("203.0.113.9");
    // Two X-Forwarded-For headers are one list (Node joins them).
    expect(resolve({ "x-forwarded-for": [VICTIM, "203.0.113.9"] }).address).toBe("203.0.113.9");
  });
  it("falls back to the socket when the proxy wrote nothing usable", () => {
    expect(resolve({}).address).toBe("10.0.0.2");
    expect(resolve({ "x-forwarded-for": `${VICTIM}, not-an-address` }).address).toBe("10.0.0.2");
    expect(resolve({ "x-forwarded-for": `${VICTIM}, ` }).address).toBe("10.0.0.2");
  });
  it("reads X-Forwarded-Host and -Proto from the same hop, and only sane values", () => {
    expect(resolve({ "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "evil.example, events.example.com", "x-forwarded-proto": "http, https" })).toEqual({
      address: "203.0.113.9",
      forwardedHost: "events.example.com",
      forwardedProto: "https",
    });
    expect(resolve({ "x-forwarded-host": "events.example.com/evil", "x-forwarded-proto": "gopher" })).toEqual({ address: "10.0.0.2", forwardedHost: undefined, forwardedProto: undefined });
  });
  it("with two hops takes the second entry from the right", () => {
    expect(resolveClient({ socketAddress: "10.0.0.3", headers: { "x-forwarded-for": `${VICTIM}, 203.0.113.9, 10.0.0.2` }, hops: 2 }).address).toBe("203.0.113.9");
  });
});

describe("applyTrustedForwarding", () => {
  it("overwrites a client-sent client address and request id, and drops untrusted forwarding headers", () => {
    const headers: Record<string, string | undefined> = { [CLIENT_ADDRESS_HEADER]: VICTIM, "x-request-id": "mine", "x-forwarded-for": VICTIM, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "1" };
    applyTrustedForwarding(headers, "203.0.113.9", 0, "req-1");
    expect(headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-request-id": "req-1" });
    expect(clientAddress(new Headers(headers as Record<string, string>))).toBe("203.0.113.9");
  });
  it("keeps only the trusted hop's values behind a proxy", () => {
    const headers: Record<string, string | undefined> = { "x-forwarded-for": `${VICTIM}, 203.0.113.9`, "x-forwarded-host": "evil.example, events.example.com" };
    applyTrustedForwarding(headers, "10.0.0.2", 1, "req-2");
    expect(headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-request-id": "req-2", "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "events.example.com" });
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and refuses what is not a small whole number", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: " 2 " })).toBe(2);
    for (const bad of ["-1", "1.5", "x", "11"]) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBeNaN();
  });
  it("nthFromRight counts from the right and says when the chain is too short", () => {
    expect(nthFromRight("a, b, c", 1)).toBe("c");
    expect(nthFromRight("a, b, c", 3)).toBe("a");
    expect(nthFromRight("a, b, c", 4)).toBeUndefined();
  });
});

/** The hook on a real Node HTTP server (as `next start` runs one): what a handler sees of a spoofing client. */
describe("request hook on a real socket", () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      res.end(JSON.stringify({ address: req.headers[CLIENT_ADDRESS_HEADER], forwardedFor: req.headers["x-forwarded-for"] ?? null, host: req.headers["x-forwarded-host"] ?? null, id: req.headers["x-request-id"] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    installRequestHook(0);
    await new Promise((resolve) => server.close(resolve));
  });

  async function ask(headers: Record<string, string>) {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
    const seen = (await response.json()) as { address: string; forwardedFor: string | null; host: string | null; id: string };
    return { ...seen, responseId: response.headers.get("x-request-id") };
  }

  it("0 hops: a forged X-Forwarded-For, X-Client-Address or X-Forwarded-Host changes nothing", async () => {
    installRequestHook(0);
    const seen = await ask({ "x-forwarded-for": VICTIM, "x-client-address": VICTIM, "x-forwarded-host": "evil.example", "x-request-id": "forged" });
    expect(seen.address).toBe("127.0.0.1");
    expect(seen.forwardedFor).toBeNull();
    expect(seen.host).toBeNull();
    expect(seen.id).not.toBe("forged");
    expect(seen.responseId).toBe(seen.id);
  });

  it("1 hop: only the entry the proxy appended counts", async () => {
    installRequestHook(1);
    expect((await ask({ "x-forwarded-for": `${VICTIM}, 203.0.113.9` })).address).toBe("203.0.113.9");
    expect((await ask({ "x-client-address": VICTIM })).address).toBe("127.0.0.1");
  });
});
