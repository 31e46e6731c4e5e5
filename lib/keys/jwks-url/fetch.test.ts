import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rsaPair } from "@/test/keys";
import { serveJson, startJwksServer, type JwksServer } from "@/test/jwks-server";
import { checkJwksUrl, fetchJwksDocument, insecureHostsAllowed, JWKS_FETCH_LIMITS, refreshSecondsFrom, type Resolver } from "./fetch";
import { readKeySet, MAX_JWKS_KEYS } from "./key-set";

const jwkOf = (bits: number, kid: string) => ({ ...(rsaPair(bits).publicKey.export({ format: "jwk" }) as object), kid, alg: "RS256", use: "sig" });
const resolverTo = (address: string, family = 4): Resolver => async () => [{ address, family }];

let server: JwksServer;
beforeAll(async () => {
  server = await startJwksServer();
});
afterAll(() => server.close());

describe("the URL rules", () => {
  it("accepts only https, without credentials or fragment", () => {
    expect(checkJwksUrl("https://auth.example.com/.well-known/jwks.json", false).host).toBe("auth.example.com");
    expect(() => checkJwksUrl("http://auth.example.com/jwks.json", false)).toThrow(/must start with https:\/\/ \(it is http\)/);
    expect(() => checkJwksUrl("ftp://auth.example.com/jwks.json", false)).toThrow(/must start with https/);
    expect(() => checkJwksUrl("https://user:pw@auth.example.com/jwks.json", false)).toThrow(/user name or password/);
    expect(() => checkJwksUrl("https://auth.example.com/jwks.json#x", false)).toThrow(/fragment/);
    expect(() => checkJwksUrl("auth.example.com/jwks.json", false)).toThrow(/not a URL/);
  });

  it.each([
    ["https://127.0.0.1/jwks.json", "loopback"],
    ["https://10.0.0.7/jwks.json", "a private network"],
    ["https://172.16.4.4/jwks.json", "a private network"],
    ["https://192.168.1.20/jwks.json", "a private network"],
    ["https://169.254.169.254/latest/meta-data/", "cloud metadata"],
    ["https://100.100.100.200/jwks.json", "carrier-grade NAT"],
    ["https://[::1]/jwks.json", "loopback"],
    ["https://[::ffff:127.0.0.1]/jwks.json", "loopback"],
    ["https://[fd00:ec2::254]/jwks.json", "AWS metadata"],
    ["https://[fe80::1]/jwks.json", "link-local"],
  ])("refuses the address literal in %s (%s)", async (url, why) => {
    expect(() => checkJwksUrl(url, false)).toThrow(why);
    const outcome = await fetchJwksDocument(url, { allowInsecure: false });
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.error).toContain(why);
  });

  it("checks the RESOLVED address: a public-looking name that resolves to a private or metadata address is refused", async () => {
    for (const [address, family, why] of [
      ["127.0.0.1", 4, "loopback"],
      ["10.1.2.3", 4, "a private network"],
      ["169.254.169.254", 4, "cloud metadata"],
      ["100.64.0.1", 4, "carrier-grade NAT"],
      ["::1", 6, "loopback"],
    ] as const) {
      const outcome = await fetchJwksDocument("https://jwks.rebind.example/jwks.json", { allowInsecure: false, resolve: resolverTo(address, family) });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error).toMatch(new RegExp(`^jwks\\.rebind\\.example resolves to ${address.replace(/\./g, "\\.")}, which is .*${why}.*; the server does not fetch from there\\.$`));
    }
  });

  it("refuses a name when ANY of its addresses is private (no picking the public one and hoping)", async () => {
    const mixed: Resolver = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    const outcome = await fetchJwksDocument("https://jwks.mixed.example/jwks.json", { allowInsecure: false, resolve: mixed });
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.error).toContain("resolves to 127.0.0.1");
  });

  it("lifts the https and address rules only with JWKS_ALLOW_INSECURE_HOSTS=true", () => {
    expect(insecureHostsAllowed({ JWKS_ALLOW_INSECURE_HOSTS: "true" })).toBe(true);
    expect(insecureHostsAllowed({ JWKS_ALLOW_INSECURE_HOSTS: "1" })).toBe(false);
    expect(insecureHostsAllowed({})).toBe(false);
    expect(checkJwksUrl("http://127.0.0.1:3410/jwks.json", true).port).toBe("3410");
  });

  it("clamps Cache-Control max-age to 1–60 minutes, 10 minutes without one", () => {
    expect(refreshSecondsFrom("public, max-age=300")).toBe(300);
    expect(refreshSecondsFrom("max-age=5")).toBe(60);
    expect(refreshSecondsFrom("max-age=86400")).toBe(3600);
    expect(refreshSecondsFrom("no-store")).toBe(600);
    expect(refreshSecondsFrom(null)).toBe(600);
  });
});

describe("fetching from a local JWKS server", () => {
  const local = { allowInsecure: true };

  it("fetches a JWKS and reads its max-age", async () => {
    server.respond = serveJson({ keys: [jwkOf(2048, "host-1")] }, { "cache-control": "public, max-age=120" });
    const outcome = await fetchJwksDocument(server.url(), local);
    expect(outcome).toMatchObject({ ok: true, maxAgeSeconds: 120 });
  });

  it("refuses a document over 64 KB, announced or streamed", async () => {
    expect(JWKS_FETCH_LIMITS.maxBytes).toBe(64 * 1024);
    server.respond = serveJson(" ".repeat(65 * 1024) + "{}");
    expect(await fetchJwksDocument(server.url(), local)).toEqual({ ok: false, error: "The document is larger than 64 KB; a JWKS of a few keys is a few KB." });
    server.respond = (_, res) => {
      res.writeHead(200, { "content-type": "application/json" }); // chunked, no length announced
      for (let i = 0; i < 70; i++) res.write(" ".repeat(1024));
      res.end("{}");
    };
    expect(await fetchJwksDocument(server.url(), local)).toMatchObject({ ok: false, error: expect.stringContaining("larger than 64 KB") });
  });

  it("gives up on a slow server (3 s for the whole exchange)", async () => {
    expect(JWKS_FETCH_LIMITS.timeoutMs).toBe(3000);
    server.respond = (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"keys": [');
      setTimeout(() => res.end("]}"), 1500).unref();
    };
    expect(await fetchJwksDocument(server.url(), { ...local, timeoutMs: 300 })).toEqual({ ok: false, error: "No complete answer within 0.3 s." });
  });

  it("follows a redirect within the host, refuses one to another host", async () => {
    server.respond = (req, res) => {
      if (req.url === "/old") return res.writeHead(301, { location: "/.well-known/jwks.json" }).end();
      if (req.url === "/away") return res.writeHead(302, { location: `http://localhost:${server.port}/.well-known/jwks.json` }).end();
      serveJson({ keys: [jwkOf(2048, "host-1")] })(req, res);
    };
    expect(await fetchJwksDocument(server.url("/old"), local)).toMatchObject({ ok: true, finalUrl: server.url() });
    const away = await fetchJwksDocument(server.url("/away"), local);
    expect(away).toEqual({ ok: false, error: `It redirects to another host (localhost:${server.port}); the server only follows redirects within 127.0.0.1:${server.port}. Use the final URL.` });
  });

  it("reports an HTTP error status", async () => {
    server.respond = (_, res) => res.writeHead(404).end("not here");
    expect(await fetchJwksDocument(server.url(), local)).toEqual({ ok: false, error: "It answered HTTP 404 instead of 200 with the JWKS." });
  });
});

describe("reading the fetched key set", () => {
  it("refuses garbage: HTML, JSON without keys", async () => {
    expect(await readKeySet("<html>Sign in</html>")).toMatchObject({ ok: false, error: expect.stringContaining("not JSON") });
    expect(await readKeySet('{"issuer": "https://auth.example.com"}')).toMatchObject({ ok: false, error: expect.stringContaining('needs a "keys" list') });
    expect(await readKeySet("[1,2]")).toMatchObject({ ok: false });
  });

  it("holds each key to the pasted-key policy, lists refused keys with their reason and keeps the good ones", async () => {
    const weak = rsaPair(1024).publicKey.export({ format: "jwk" });
    const set = await readKeySet(
      JSON.stringify({
        keys: [
          jwkOf(2048, "good"),
          { ...weak, kid: "too-small" },
          { kty: "EC", crv: "P-256", x: "x", y: "y", kid: "ec-key" },
          { ...jwkOf(2048, "enc"), use: "enc" },
          { ...jwkOf(2048, "good"), kid: "good" },
          { ...jwkOf(2048, "zero-e"), e: "AAEAAQ" },
        ],
      }),
    );
    if (!set.ok) throw new Error(set.error);
    expect(set.keys.map((k) => k.hostKid)).toEqual(["good"]);
    expect(set.refused.map((r) => [r.kid, r.reason])).toEqual([
      ["too-small", "too_small"],
      ["ec-key", "not_rsa"],
      ["enc", "wrong_use"],
      ["good", "duplicate_kid"],
      ["zero-e", "degenerate"],
    ]);
  });

  it("takes at most 20 keys", async () => {
    const keys = Array.from({ length: MAX_JWKS_KEYS + 2 }, (_, i) => ({ kty: "RSA", n: "AQAB", e: "AQAB", kid: `k${i}` }));
    const set = await readKeySet(JSON.stringify({ keys }));
    if (!set.ok) throw new Error(set.error);
    expect(set.refused.filter((r) => r.reason === "too_many").map((r) => r.kid)).toEqual(["k20", "k21"]);
  });
});
