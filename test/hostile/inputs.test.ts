/**
 * The hostile suite, pure part: what an attacker can type or send into the token checks, the key
 * upload, the dashboard's forms (the zod schemas the forms and the server actions share) and the
 * redirect after sign-in. Every case must be refused with a reason (never a throw, never a
 * forgery). fast-check properties then try thousands of generated inputs per rule.
 * The database part (the HTTP API) is api.db.test.ts; the attendee entry's own path and query
 * fuzzing lives with the entry.
 */
import { createHmac, generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEventBodySchema, eventFieldsSchema, eventSlugSchema, SLUG_PATTERN } from "@/lib/events/schema";
import { KeyRefusedError } from "@/lib/keys/errors";
import { parsePublicKey } from "@/lib/keys/parse-public-key";
import { issueLinkSchema } from "@/lib/links/schema";
import { inviteMemberSchema } from "@/lib/members/schema";
import { createOrganizationSchema } from "@/lib/orgs/schema";
import { profileFieldSchema } from "@/lib/profile/schema";
import { createApiKeySchema } from "@/lib/api-keys/schema";
import { signUpSchema } from "@/lib/auth/schema";
import { safeNextPath } from "@/lib/safe-redirect";
import { parseCompactJws } from "@/lib/tokens/parse-token";
import { b64url, claims, context, NOW_S, signToken } from "@/test/tokens";
import { keyPair, rsaPair } from "@/test/keys";
import { verifyAttendeeToken } from "@/lib/tokens/verify-token";

const ORIGIN = "https://events.example.com";
const staysOnOrigin = (next: string) => new URL(safeNextPath(next), ORIGIN).origin === ORIGIN;

// ---------------------------------------------------------------------------------------------
// next= after sign-in and sign-up
// ---------------------------------------------------------------------------------------------
const HOSTILE_NEXT = [
  "//evil.example", "///evil.example", "////evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example",
  "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\t\\evil.example", "/\r\n/evil.example", "\t//evil.example",
  decodeURIComponent("%2F%09%2Fevil.example"), decodeURIComponent("%2F%0A%2Fevil.example"), decodeURIComponent("%2F%0D%2Fevil.example"),
  decodeURIComponent("%2F%09%5Cevil.example"), decodeURIComponent("%2F%0A%5Cevil.example"), decodeURIComponent("%2F%0D%5Cevil.example"),
  "https://evil.example", "http:evil.example", "https:/evil.example", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
  "/.//evil.example", "/..//evil.example", "/x/../..//evil.example", "/%2e%2e//evil.example", " //evil.example", "evil.example", "",
];

describe("next= refuses every way off the origin", () => {
  it.each(HOSTILE_NEXT.map((next) => [JSON.stringify(next), next]))("%s falls back", (_label, next) => {
    expect(safeNextPath(next)).toBe("/orgs");
  });
  it.each(["/orgs/acme", "/orgs/acme/events?page=2#top", "/orgs/%2F%2Fevil", "/invite/abc"])("%s is followed", (next) => {
    expect(safeNextPath(next)).toBe(next);
  });
});

// ---------------------------------------------------------------------------------------------
// Token contents: forgeries and malformed tokens
// ---------------------------------------------------------------------------------------------
const pemText = keyPair("a").publicKey.export({ type: "spki", format: "pem" }).toString();
const hs256 = (secret: string, payload: object, header: object = { alg: "HS256", kid: "kid-a" }) => {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
};
const good = signToken(claims());
const [goodHeader, goodPayload, goodSignature] = good.split(".") as [string, string, string];

const FORGED_TOKENS: Array<[string, unknown]> = [
  ["alg none", `${b64url(JSON.stringify({ alg: "none", kid: "kid-a" }))}.${goodPayload}.`],
  ["alg None", `${b64url(JSON.stringify({ alg: "None", kid: "kid-a" }))}.${goodPayload}.`],
  ["HS256 with the PEM as secret", hs256(pemText, claims())],
  ["HS256 with the trimmed PEM", hs256(pemText.trim(), claims())],
  ["HS256 with an empty secret", hs256("", claims())],
  ["RS384 header on an RS256 signature", `${b64url(JSON.stringify({ alg: "RS384", kid: "kid-a" }))}.${goodPayload}.${goodSignature}`],
  ["PS256", signToken(claims(), { header: { alg: "PS256", kid: "kid-a" } })],
  ["ES256 header", `${b64url(JSON.stringify({ alg: "ES256", kid: "kid-a" }))}.${goodPayload}.${goodSignature}`],
  ["signed by another key with our kid", signToken(claims(), { signer: "intruder", header: { alg: "RS256", kid: "kid-a" } })],
  ["signed by another key without kid", signToken(claims(), { signer: "intruder", header: { alg: "RS256" } })],
  ["payload swapped after signing", `${goodHeader}.${b64url(JSON.stringify(claims({ roles: ["host"] })))}.${goodSignature}`],
  ["header swapped after signing", `${b64url(JSON.stringify({ alg: "RS256", kid: "kid-a", typ: "x" }))}.${goodPayload}.${goodSignature}`],
  ["signature truncated", `${goodHeader}.${goodPayload}.${goodSignature.slice(0, -4)}`],
  ["signature empty", `${goodHeader}.${goodPayload}.`],
  ["signature of zeros", `${goodHeader}.${goodPayload}.${"A".repeat(342)}`],
  ["embedded jwk header", signToken(claims(), { header: { alg: "RS256", jwk: keyPair("intruder").publicKey.export({ format: "jwk" }) } })],
  ["jku header", signToken(claims(), { header: { alg: "RS256", kid: "kid-a", jku: "https://evil.example/jwks" } })],
  ["x5u header", signToken(claims(), { header: { alg: "RS256", kid: "kid-a", x5u: "https://evil.example/cert" } })],
  ["x5c header", signToken(claims(), { header: { alg: "RS256", kid: "kid-a", x5c: ["MIIB"] } })],
  ["crit header", signToken(claims(), { header: { alg: "RS256", kid: "kid-a", crit: ["exp"] } })],
  ["kid path traversal", signToken(claims(), { header: { alg: "RS256", kid: "../../etc/passwd" } })],
  ["kid SQL", signToken(claims(), { header: { alg: "RS256", kid: "' OR 1=1 --" } })],
  ["kid 10 KB", signToken(claims(), { header: { alg: "RS256", kid: "k".repeat(10_000) } })],
  ["kid as object", signToken(claims(), { header: { alg: "RS256", kid: { $ne: null } } })],
  ["duplicate alg (last wins in JSON.parse)", signToken(claims(), { header: '{"alg":"none","alg":"RS256","kid":"kid-a"}' })],
  ["duplicate displayName", signToken('{"displayName":"Larry","displayName":"Host Admin","exp":9999999999,"iat":1}')],
  ["payload is an array", signToken("[1,2,3]")],
  ["payload is a string", signToken('"hello"')],
  ["padding added", `${goodHeader}.${goodPayload}=.${goodSignature}`],
  ["whitespace inside", `${goodHeader}.${goodPayload.slice(0, 10)} ${goodPayload.slice(10)}.${goodSignature}`],
  ["standard base64 characters", `${goodHeader}.${goodPayload}.${goodSignature.replace(/-/g, "+").replace(/_/g, "/")}`],
  ["four parts", `${good}.extra`],
  ["two parts", `${goodHeader}.${goodPayload}`],
  ["JWE-shaped", `${goodHeader}.a.b.c.d`],
  ["9 KB token", `${goodHeader}.${"A".repeat(9000)}.${goodSignature}`],
  ["empty string", ""],
  ["null", null],
  ["number", 42],
  ["object", { token: good }],
  ["NUL byte", `${good}\u0000`],
  ["expired a year ago", signToken(claims({ iat: NOW_S - 366 * 86400, exp: NOW_S - 365 * 86400 }))],
  ["issued in the future", signToken(claims({ iat: NOW_S + 3600, exp: NOW_S + 3900 }))],
  ["exp in milliseconds", signToken(claims({ exp: (NOW_S + 300) * 1000 }))],
  ["exp as a string", signToken(claims({ exp: String(NOW_S + 300) }))],
  ["exp NaN-ish", signToken(`{"displayName":"x","iat":${NOW_S},"exp":1e999}`)],
  ["lifetime of ten years", signToken(claims({ exp: NOW_S + 10 * 365 * 86400 }))],
  ["displayName with RLO", signToken(claims({ displayName: "evil\u202etxt.exe" }))],
  ["displayName with RLM", signToken(claims({ displayName: "Admin\u200f" }))],
  ["displayName of zero-width spaces", signToken(claims({ displayName: "\u200b\u200b\u200b" }))],
  ["displayName of Hangul fillers", signToken(claims({ displayName: "\u3164\u3164" }))],
  ["displayName of tag characters", signToken(claims({ displayName: String.fromCodePoint(0xe0041, 0xe0064, 0xe006d) }))],
  ["Zalgo displayName", signToken(claims({ displayName: `A${"\u0336".repeat(300)}` }))],
  ["displayName 81 graphemes", signToken(claims({ displayName: "x".repeat(81) }))],
  ["displayName as HTML is fine text but roles forged", signToken(claims({ displayName: "<script>", roles: ["admin"] }))],
  ["avatarUrl javascript:", signToken(claims({ avatarUrl: "javascript:alert(1)" }))],
  ["avatarUrl with credentials", signToken(claims({ avatarUrl: "https://user:pass@img.example/a.png" }))],
  ["avatarUrl http", signToken(claims({ avatarUrl: "http://img.example/a.png" }))],
  ["email with CRLF", signToken(claims({ email: "a@example.com\r\nBcc: x@evil.example" }))],
  ["userProfile not pairs", signToken(claims({ userProfile: { title: "x" } }))],
  ["userProfile 51 entries", signToken(claims({ userProfile: Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]) }))],
  ["roles unknown", signToken(claims({ roles: ["owner"] }))],
  ["roles not a list", signToken(claims({ roles: "host" }))],
  ["jti as object", signToken(claims({ jti: { $gt: "" } }))],
];

describe("forged and malformed tokens are refused with a reason", () => {
  it.each(FORGED_TOKENS)("%s", async (_label, token) => {
    const result = await verifyAttendeeToken(token, context({ keys: [{ id: "key-a", kid: "kid-a", status: "active", publicKey: keyPair("a").publicKey }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(typeof result.reason).toBe("string");
  });
  it("a __proto__ member in a signed payload grants no role (no prototype pollution)", async () => {
    const token = signToken(`{"displayName":"P","iat":${NOW_S},"exp":${NOW_S + 60},"__proto__":{"roles":["host"]}}`);
    const result = await verifyAttendeeToken(token, context());
    if (result.ok) expect(result.claims.roles).toEqual([]);
    expect(({} as { roles?: unknown }).roles).toBeUndefined();
  });
  it("the untouched token still verifies (the cases above fail for their own reason)", async () => {
    expect((await verifyAttendeeToken(good, context())).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Key upload
// ---------------------------------------------------------------------------------------------
const rsa1024 = rsaPair(1024);
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const okJwk = keyPair("a").publicKey.export({ format: "jwk" }) as Record<string, string>;
const privateJwk = keyPair("a").privateKey.export({ format: "jwk" }) as Record<string, string>;

const HOSTILE_KEYS: Array<[string, string]> = [
  ["PKCS#8 private key", keyPair("a").privateKey.export({ type: "pkcs8", format: "pem" }).toString()],
  ["PKCS#1 private key", keyPair("a").privateKey.export({ type: "pkcs1", format: "pem" }).toString()],
  ["private key disguised as PUBLIC KEY", keyPair("a").privateKey.export({ type: "pkcs8", format: "pem" }).toString().replace(/PRIVATE KEY/g, "PUBLIC KEY")],
  ["private JWK", JSON.stringify(privateJwk)],
  ["private JWK in a JWKS", JSON.stringify({ keys: [privateJwk] })],
  ["OpenSSH private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"],
  ["encrypted private key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----"],
  ["certificate", "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUK\n-----END CERTIFICATE-----"],
  ["1024-bit key", rsa1024.publicKey.export({ type: "spki", format: "pem" }).toString()],
  ["exponent 3", rsaPair(2048, 3).publicKey.export({ type: "spki", format: "pem" }).toString()],
  ["JWK with e = 1", JSON.stringify({ ...okJwk, e: "AQ" })],
  ["JWK with e = 3", JSON.stringify({ ...okJwk, e: "Aw" })],
  ["EC key", ec.publicKey.export({ type: "spki", format: "pem" }).toString()],
  ["EC JWK", JSON.stringify(ec.publicKey.export({ format: "jwk" }))],
  ["oct JWK", JSON.stringify({ kty: "oct", k: "c2VjcmV0" })],
  ["JWK without n", JSON.stringify({ kty: "RSA", e: "AQAB" })],
  ["JWK with n as number", JSON.stringify({ kty: "RSA", e: "AQAB", n: 12345 })],
  ["JWKS with two keys", JSON.stringify({ keys: [okJwk, keyPair("b").publicKey.export({ format: "jwk" })] })],
  ["empty JWKS", JSON.stringify({ keys: [] })],
  ["two PEM blocks", pemText + keyPair("b").publicKey.export({ type: "spki", format: "pem" }).toString()],
  ["truncated PEM", pemText.slice(0, 120)],
  ["PEM with junk base64", "-----BEGIN PUBLIC KEY-----\n!!!!not base64!!!!\n-----END PUBLIC KEY-----"],
  ["PEM with mismatched END", pemText.replace("END PUBLIC KEY", "END RSA PUBLIC KEY")],
  ["PEM body of zeros", `-----BEGIN PUBLIC KEY-----\n${"A".repeat(392)}\n-----END PUBLIC KEY-----`],
  ["ssh-dss line", "ssh-dss AAAAB3NzaC1kc3MAAACBAP user@host"],
  ["ssh-ed25519 line", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG user@host"],
  ["ssh-rsa with junk", "ssh-rsa !!!! user@host"],
  ["SSH2 public key block", "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2E\n---- END SSH2 PUBLIC KEY ----"],
  ["over 16 KB", `${pemText}\n${" ".repeat(17_000)}x`],
  ["empty", ""],
  ["only whitespace", " \n\t\r\n "],
  ["NUL bytes", "\u0000\u0000\u0000"],
  ["JSON array of numbers", "[1,2,3]"],
  ["JSON null", "null"],
  ["JSON __proto__", '{"__proto__":{"kty":"RSA"},"n":"x"}'],
  ["deeply nested JSON", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ["HTML", "<html><body>key</body></html>"],
  ["URL", "https://evil.example/jwks.json"],
  ["SQL", "'; DROP TABLE signing_key; --"],
  ["bare DER as base64", keyPair("a").privateKey.export({ type: "pkcs8", format: "der" }).toString("base64")],
];

describe("key upload refuses hostile input with a reason and a fix, never a throw", () => {
  it.each(HOSTILE_KEYS)("%s", async (_label, input) => {
    const outcome = await parsePublicKey(input).then(
      () => "accepted",
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(KeyRefusedError);
    const refusal = (outcome as KeyRefusedError).refusal;
    expect(refusal.reason).toMatch(/^[a-z_]+$/);
    expect(refusal.message.length).toBeGreaterThan(10);
    // A refusal never echoes private key material back.
    expect(JSON.stringify((outcome as KeyRefusedError).toBody())).not.toMatch(/MII[A-Za-z0-9+/]{40}/);
  });
});

// ---------------------------------------------------------------------------------------------
// Dashboard forms (the schemas the forms and their server actions share)
// ---------------------------------------------------------------------------------------------
const event = { name: "Spring Summit", slug: "spring-summit", contact: "help@example.com" };
const link = { eventSlug: "spring-summit", displayName: "Larry David" };

const HOSTILE_FORMS: Array<[string, { safeParse: (value: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, unknown]> = [
  ["event: slug with a slash", eventFieldsSchema, { ...event, slug: "a/b" }],
  ["event: slug with %2F", eventFieldsSchema, { ...event, slug: "a%2Fb" }],
  ["event: slug with ..", eventFieldsSchema, { ...event, slug: ".." }],
  ["event: slug with uppercase", eventFieldsSchema, { ...event, slug: "Spring" }],
  ["event: slug with unicode lookalike", eventFieldsSchema, { ...event, slug: "sprіng" }],
  ["event: slug with a space", eventFieldsSchema, { ...event, slug: "spring summit" }],
  ["event: slug 200 characters", eventFieldsSchema, { ...event, slug: "a".repeat(200) }],
  ["event: slug as an array", eventFieldsSchema, { ...event, slug: ["spring"] }],
  ["event: name empty", eventFieldsSchema, { ...event, name: "   " }],
  ["event: name 10 KB", eventFieldsSchema, { ...event, name: "n".repeat(10_000) }],
  ["event: contact javascript:", eventFieldsSchema, { ...event, contact: "javascript:alert(1)" }],
  ["event: contact http", eventFieldsSchema, { ...event, contact: "http://help.example.com" }],
  ["event: contact data: URL", eventFieldsSchema, { ...event, contact: "data:text/html,hi" }],
  ["event: leeway negative", eventFieldsSchema, { ...event, leewaySeconds: -1 }],
  ["event: leeway as a string", eventFieldsSchema, { ...event, leewaySeconds: "60" }],
  ["event: leeway Infinity", eventFieldsSchema, { ...event, leewaySeconds: Number.POSITIVE_INFINITY }],
  ["event: lifetime fraction", eventFieldsSchema, { ...event, oneOffLifetimeSeconds: 1.5 }],
  ["event: long-lived of 100 years", eventFieldsSchema, { ...event, longLivedMaxSeconds: 100 * 365 * 86400 }],
  ["event: end before start", eventFieldsSchema, { ...event, startsAt: "2027-01-02T00:00:00Z", endsAt: "2027-01-01T00:00:00Z" }],
  ["event: start not a date", eventFieldsSchema, { ...event, startsAt: "tomorrow" }],
  ["event: requireExp as a string", eventFieldsSchema, { ...event, requireExp: "false" }],
  ["event (API): unknown member", createEventBodySchema, { ...event, organizationId: "someone-else" }],
  ["event (API): __proto__ member", createEventBodySchema, JSON.parse(`{"name":"x","slug":"xx-yy","contact":"help@example.com","__proto__":{"admin":true}}`)],
  ["organization: slug with a slash", createOrganizationSchema, { name: "Acme", slug: "ac/me" }],
  ["organization: slug of one character", createOrganizationSchema, { name: "Acme", slug: "a" }],
  ["organization: name of controls", createOrganizationSchema, { name: "\u0000\u0001", slug: "acme" }],
  ["organization: name with RLO", createOrganizationSchema, { name: "Acme\u202eevil", slug: "acme" }],
  ["event: name with NUL", eventFieldsSchema, { ...event, name: "Spring\u0000Summit" }],
  ["invite: not an email", inviteMemberSchema, { email: "not-an-email", role: "viewer" }],
  ["invite: email with CRLF", inviteMemberSchema, { email: "a@example.com\r\nBcc: b@evil.example", role: "viewer" }],
  ["invite: role superadmin", inviteMemberSchema, { email: "a@example.com", role: "superadmin" }],
  ["invite: role __proto__", inviteMemberSchema, { email: "a@example.com", role: "__proto__" }],
  ["profile field: key of spaces", profileFieldSchema, { key: "   ", label: "x", kind: "text" }],
  ["profile field: key with RLO", profileFieldSchema, { key: "ti\u202eelt", label: "x", kind: "text" }],
  ["profile field: key 65 characters", profileFieldSchema, { key: "k".repeat(65), label: "x", kind: "text" }],
  ["profile field: kind script", profileFieldSchema, { key: "title", label: "x", kind: "script" }],
  ["profile field: label with NUL", profileFieldSchema, { key: "title", label: "a\u0000b", kind: "text" }],
  ["test link: displayName of zero-width spaces", issueLinkSchema, { ...link, displayName: "\u200b\u200b" }],
  ["test link: displayName with RLM", issueLinkSchema, { ...link, displayName: "Larry\u200f" }],
  ["test link: displayName Zalgo", issueLinkSchema, { ...link, displayName: `L${"\u0336".repeat(40)}` }],
  ["test link: avatar javascript:", issueLinkSchema, { ...link, avatarUrl: "javascript:alert(1)" }],
  ["test link: role owner", issueLinkSchema, { ...link, roles: ["owner"] }],
  ["test link: 51 profile entries", issueLinkSchema, { ...link, userProfile: Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]) }],
  ["test link: kind forever", issueLinkSchema, { ...link, kind: "forever" }],
  ["API key: name empty", createApiKeySchema, { name: "", role: "admin" }],
  ["API key: role owner", createApiKeySchema, { name: "CI", role: "owner" }],
  ["sign-up: password of 3 characters", signUpSchema, { name: "A", email: "a@example.com", password: "abc" }],
  ["sign-up: email with spaces", signUpSchema, { name: "A", email: "a b@example.com", password: "correct-horse-battery" }],
];

describe("dashboard forms refuse hostile input with a message on a field", () => {
  it.each(HOSTILE_FORMS)("%s", (_label, schema, input) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.message.length).toBeGreaterThan(5);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties (fast-check): never a throw, never a forgery, never off the origin
// ---------------------------------------------------------------------------------------------
const hostileAlphabet = fc.constantFrom("/", "\\", "\t", "\n", "\r", ".", ":", "%", "@", "?", "#", "evil.example", "%2F", "%5C", "%09", " ", "\u3000", "\uff0f", "javascript:");

describe("properties", () => {
  it("next: whatever is passed, the browser resolves the result to our origin", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.array(hostileAlphabet, { maxLength: 12 }).map((parts) => parts.join(""))), (next) => {
        const result = safeNextPath(next);
        expect(result.startsWith("/")).toBe(true);
        expect(staysOnOrigin(next)).toBe(true);
        // Following the result again (as the router does) lands on the same origin too.
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 3000 },
    );
  });

  it("token parser: any string or value is parsed or refused as malformed, never thrown", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.base64String({ maxLength: 60 }), { maxLength: 5 }).map((p) => p.join(".")), fc.anything()), (input) => {
        const outcome = parseCompactJws(input);
        if (!outcome.ok) expect(outcome.error.problem).toMatch(/^[a-z0-9_]+$/);
      }),
      { numRuns: 3000 },
    );
  });

  it("token verification: changing any one character of a signed token never yields a sign-in", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: good.length - 1 }), fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ "), async (index, replacement) => {
        const mutated = good.slice(0, index) + replacement + good.slice(index + 1);
        fc.pre(mutated !== good);
        const result = await verifyAttendeeToken(mutated, context());
        // The last base64url character of the signature carries padding bits: canonical parsing refuses those variants too.
        expect(result.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it("token verification: arbitrary headers and payloads signed by a stranger never sign in", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }), fc.constantFrom("RS256", "none", "HS256", "PS256"), async (payload, alg) => {
        const token = signToken({ ...claims(), ...payload }, { signer: "intruder", header: { alg, kid: "kid-a" } });
        expect((await verifyAttendeeToken(token, context())).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("key parser: any text is a policy-conforming RSA key or a refusal with a reason, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 400 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc.tuple(fc.nat({ max: pemText.length - 1 }), fc.string({ maxLength: 3 })).map(([i, s]) => pemText.slice(0, i) + s + pemText.slice(i + 1)),
          fc.record({ kty: fc.constantFrom("RSA", "EC", "oct"), e: fc.constantFrom("AQAB", "AQ", "Aw", ""), n: fc.constantFrom(okJwk.n!, okJwk.n!.slice(10), "AA") }).map((j) => JSON.stringify(j)),
        ),
        async (input) => {
          try {
            const parsed = await parsePublicKey(input);
            expect(parsed.jwk.e).toBe("AQAB");
            expect(parsed.bits).toBeGreaterThanOrEqual(2048);
          } catch (error) {
            expect(error).toBeInstanceOf(KeyRefusedError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("slugs: an accepted slug is URL-safe, lowercase and unchanged by encoding", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.stringMatching(/^[a-z0-9-]{1,30}$/)), (input) => {
        const result = eventSlugSchema.safeParse(input);
        if (result.success) {
          expect(result.data).toMatch(SLUG_PATTERN);
          expect(encodeURIComponent(result.data)).toBe(result.data);
          expect(new URL(`/e/${result.data}`, ORIGIN).pathname).toBe(`/e/${result.data}`);
        } else {
          expect(result.error.issues[0]!.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
