/**
 * The hostile suite, HTTP API part: malformed, oversized, mistyped, cross-tenant and under-privileged
 * requests against the real route handlers. Every one gets a 4xx in the API's error shape (never a
 * 5xx), and nothing is written that the caller was not allowed to write. A fast-check property then
 * throws arbitrary JSON at every write.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as events from "@/app/api/v1/events/route";
import * as event from "@/app/api/v1/events/[slug]/route";
import * as keys from "@/app/api/v1/events/[slug]/keys/route";
import * as revokeKey from "@/app/api/v1/events/[slug]/keys/[kid]/revoke/route";
import * as links from "@/app/api/v1/events/[slug]/links/route";
import * as profileFields from "@/app/api/v1/events/[slug]/profile-fields/route";
import * as inspect from "@/app/api/v1/events/[slug]/tokens/inspect/route";
import * as unknownPath from "@/app/api/v1/[[...unknown]]/route";
import { makeApiKey } from "@/test/api";
import { makeEvent, makeTenant, uid } from "@/test/factories";
import type { TenantContext } from "@/lib/tenancy/context";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;

let admin: string;
let viewer: string;
let ctx: TenantContext;
let slug: string;
let foreignSlug: string;

beforeAll(async () => {
  ({ ctx } = await makeTenant());
  slug = (await makeEvent(ctx)).slug;
  admin = (await makeApiKey(ctx, "admin")).key;
  viewer = (await makeApiKey(ctx, "viewer")).key;
  const other = await makeTenant();
  foreignSlug = (await makeEvent(other.ctx)).slug;
});

interface Case {
  name: string;
  handler: Handler;
  method: string;
  key?: "admin" | "viewer" | "none" | "forged";
  params?: () => Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  status: number;
}

const ev = () => ({ slug });
const newEvent = (extra: Record<string, unknown> = {}) => ({ name: "Hostile", slug: uid("hostile"), contact: "help@example.com", ...extra });

const CASES: Case[] = [
  // Authentication
  { name: "no Authorization header", handler: events.GET, method: "GET", key: "none", status: 401 },
  { name: "a forged API key", handler: events.GET, method: "GET", key: "forged", status: 401 },
  { name: "Basic instead of Bearer", handler: events.GET, method: "GET", key: "none", headers: { authorization: "Basic YWRtaW46YWRtaW4=" }, status: 401 },
  { name: "Bearer with a 10 KB key", handler: events.GET, method: "GET", key: "none", headers: { authorization: `Bearer evk_${"a".repeat(10_000)}` }, status: 401 },
  { name: "Bearer with a NUL byte", handler: events.GET, method: "GET", key: "none", headers: { authorization: "Bearer evk_abc%00def" }, status: 401 },
  { name: "a JWT as API key", handler: events.GET, method: "GET", key: "none", headers: { authorization: "Bearer eyJhbGciOiJub25lIn0.e30." }, status: 401 },
  // Roles and tenants
  { name: "viewer creates an event", handler: events.POST, method: "POST", key: "viewer", body: newEvent(), status: 403 },
  { name: "viewer patches an event", handler: event.PATCH, method: "PATCH", key: "viewer", params: ev, body: { name: "Mine now" }, status: 403 },
  { name: "viewer adds a key", handler: keys.POST, method: "POST", key: "viewer", params: ev, body: { generate: { bits: 2048, keepPrivateKey: false } }, status: 403 },
  { name: "viewer issues a link", handler: links.POST, method: "POST", key: "viewer", params: ev, body: { displayName: "V" }, status: 403 },
  { name: "viewer replaces profile fields", handler: profileFields.PUT, method: "PUT", key: "viewer", params: ev, body: { fields: [] }, status: 403 },
  { name: "another organization's event (read)", handler: event.GET, method: "GET", params: () => ({ slug: foreignSlug }), status: 404 },
  { name: "another organization's event (patch)", handler: event.PATCH, method: "PATCH", params: () => ({ slug: foreignSlug }), body: { name: "Taken" }, status: 404 },
  { name: "another organization's keys", handler: keys.GET, method: "GET", params: () => ({ slug: foreignSlug }), status: 404 },
  { name: "another organization's links", handler: links.POST, method: "POST", params: () => ({ slug: foreignSlug }), body: { displayName: "X" }, status: 404 },
  { name: "revoke a key of nobody", handler: revokeKey.POST, method: "POST", params: () => ({ slug, kid: "../../etc/passwd" }), status: 404 },
  // Bodies
  { name: "body is not JSON", handler: events.POST, method: "POST", rawBody: "{nope", headers: { "content-type": "application/json" }, status: 400 },
  { name: "body is form-encoded", handler: events.POST, method: "POST", rawBody: "name=x&slug=y", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 400 },
  { name: "body is a JSON array", handler: events.POST, method: "POST", body: [newEvent()], status: 400 },
  { name: "body is JSON null", handler: events.POST, method: "POST", rawBody: "null", headers: { "content-type": "application/json" }, status: 400 },
  { name: "body is a JSON string", handler: events.POST, method: "POST", body: "event", status: 400 },
  { name: "body over 64 KB", handler: events.POST, method: "POST", body: newEvent({ name: "n".repeat(70_000) }), status: 400 },
  { name: "Content-Length lies about 1 GB", handler: events.POST, method: "POST", body: newEvent(), headers: { "content-length": String(1024 ** 3) }, status: 400 },
  { name: "deeply nested JSON", handler: events.POST, method: "POST", rawBody: `${"[".repeat(3000)}${"]".repeat(3000)}`, headers: { "content-type": "application/json" }, status: 400 },
  { name: "unknown member on create", handler: events.POST, method: "POST", body: newEvent({ organizationId: "someone-else" }), status: 400 },
  { name: "__proto__ member on create", handler: events.POST, method: "POST", rawBody: JSON.stringify(newEvent()).replace(/}$/, ',"__proto__":{"role":"owner"}}'), headers: { "content-type": "application/json" }, status: 400 },
  { name: "slug with a slash", handler: events.POST, method: "POST", body: newEvent({ slug: "a/b" }), status: 400 },
  { name: "slug with %2e%2e", handler: events.POST, method: "POST", body: newEvent({ slug: "%2e%2e" }), status: 400 },
  { name: "slug as an object", handler: events.POST, method: "POST", body: newEvent({ slug: { $ne: "" } }), status: 400 },
  { name: "contact javascript:", handler: events.POST, method: "POST", body: newEvent({ contact: "javascript:alert(1)" }), status: 400 },
  { name: "leeway 1e309", handler: events.POST, method: "POST", rawBody: JSON.stringify(newEvent()).replace(/}$/, ',"leewaySeconds":1e309}'), headers: { "content-type": "application/json" }, status: 400 },
  { name: "startsAt year 275760+", handler: events.POST, method: "POST", body: newEvent({ startsAt: "+275761-01-01T00:00:00Z" }), status: 400 },
  { name: "name with RLO", handler: events.POST, method: "POST", body: newEvent({ name: "Summit\u202eevil" }), status: 400 },
  { name: "patch with an unknown member", handler: event.PATCH, method: "PATCH", params: ev, body: { configVersion: 99 }, status: 400 },
  { name: "patch with an empty slug", handler: event.PATCH, method: "PATCH", params: ev, body: { slug: "" }, status: 400 },
  { name: "key: a private key", handler: keys.POST, method: "POST", params: ev, body: { publicKey: "-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----" }, status: 400 },
  { name: "key: both publicKey and generate", handler: keys.POST, method: "POST", params: ev, body: { publicKey: "x", generate: { bits: 2048 } }, status: 400 },
  { name: "key: generate 512 bits", handler: keys.POST, method: "POST", params: ev, body: { generate: { bits: 512, keepPrivateKey: false } }, status: 400 },
  { name: "key: generate 1e6 bits", handler: keys.POST, method: "POST", params: ev, body: { generate: { bits: 1_000_000, keepPrivateKey: false } }, status: 400 },
  { name: "key: publicKey as a number", handler: keys.POST, method: "POST", params: ev, body: { publicKey: 42 }, status: 400 },
  { name: "key: 20 KB of junk", handler: keys.POST, method: "POST", params: ev, body: { publicKey: "A".repeat(20_000) }, status: 400 },
  { name: "link: displayName of zero-width spaces", handler: links.POST, method: "POST", params: ev, body: { displayName: "\u200b\u200b" }, status: 400 },
  { name: "link: displayName with RLM", handler: links.POST, method: "POST", params: ev, body: { displayName: "Admin\u200f" }, status: 400 },
  { name: "link: role owner", handler: links.POST, method: "POST", params: ev, body: { displayName: "X", roles: ["owner"] }, status: 400 },
  { name: "link: unknown member", handler: links.POST, method: "POST", params: ev, body: { displayName: "X", jti: "mine" }, status: 400 },
  { name: "profile fields: not a list", handler: profileFields.PUT, method: "PUT", params: ev, body: { fields: { key: "title" } }, status: 400 },
  { name: "profile fields: key with NUL", handler: profileFields.PUT, method: "PUT", params: ev, body: { fields: [{ key: "a\u0000b", label: "A", kind: "text" }] }, status: 400 },
  { name: "profile fields: 10,000 fields", handler: profileFields.PUT, method: "PUT", params: ev, body: { fields: Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i}`, label: "L", kind: "text" })) }, status: 400 },
  { name: "inspect: token as an object", handler: inspect.POST, method: "POST", params: ev, body: { token: { alg: "none" } }, status: 400 },
  { name: "inspect: unknown member", handler: inspect.POST, method: "POST", params: ev, body: { token: "x", redeem: true }, status: 400 },
  // Paths and queries
  { name: "list with page=-1", handler: events.GET, method: "GET", headers: {}, status: 400 },
  { name: "unknown operation path", handler: unknownPath.GET, method: "GET", status: 404 },
  { name: "unknown operation path (DELETE)", handler: unknownPath.DELETE, method: "DELETE", status: 404 },
];

async function send(c: Case) {
  const key = c.key === "viewer" ? viewer : c.key === "none" ? null : c.key === "forged" ? "evk_forgedforgedforgedforged" : admin;
  const path = c.name === "list with page=-1" ? "/events?page=-1&pageSize=1000" : "/events";
  const request = new Request(`http://localhost/api/v1${path}`, {
    method: c.method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(c.body !== undefined ? { "content-type": "application/json" } : {}), ...c.headers },
    body: c.rawBody ?? (c.body !== undefined ? JSON.stringify(c.body) : undefined),
  });
  const response = await c.handler(request, { params: Promise.resolve(c.params?.() ?? {}) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as { error?: { code: string; message: string } }) : null };
}

describe("hostile API requests get a 4xx in the error shape", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = await db.event.count({ where: { organizationId: ctx.organizationId } });
    const { status, json } = await send(c);
    expect(status).toBe(c.status);
    expect(json?.error?.code).toMatch(/^[A-Z_]+$/);
    expect(json?.error?.message.length).toBeGreaterThan(10);
    expect(await db.event.count({ where: { organizationId: ctx.organizationId } })).toBe(before);
  });
});

describe("property: arbitrary JSON bodies never get a 5xx", () => {
  it("on every write", async () => {
    const writes: Array<[Handler, string, () => Record<string, string>]> = [
      [events.POST, "POST", () => ({})],
      [event.PATCH, "PATCH", ev],
      [keys.POST, "POST", ev],
      [links.POST, "POST", ev],
      [profileFields.PUT, "PUT", ev],
      [inspect.POST, "POST", ev],
    ];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: writes.length - 1 }), fc.jsonValue({ maxDepth: 3 }), async (index, body) => {
        const [handler, method, params] = writes[index]!;
        const { status } = await send({ name: "fuzz", handler, method, params, body, status: 0 });
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  });
});
