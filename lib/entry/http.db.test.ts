import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeEvent, makeTenant, uid } from "@/test/factories";
import { signAttendeeToken } from "@/test/tokens";
import { addActiveKey, type EventTestKey } from "@/test/event-keys";
import { SLUG_PATTERN } from "@/lib/events/schema";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/forwarded";
import { handleAttendeeRequest } from "./http";

let slug: string;
let key: EventTestKey;

beforeAll(async () => {
  const { ctx } = await makeTenant("owner");
  const event = await makeEvent(ctx);
  slug = event.slug;
  key = await addActiveKey(ctx, slug);
});

afterEach(() => vi.restoreAllMocks());

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return handleAttendeeRequest(new NextRequest(new URL(path, "http://localhost:3000"), { method: init.method ?? "GET", headers: init.headers }));
}

/** Every Set-Cookie is scoped to /e/{a valid slug}; no header value carries a line break. */
function expectSafeHeaders(response: Response) {
  for (const [name, value] of response.headers) {
    expect(value, name).not.toMatch(/[\r\n]/);
    if (name === "set-cookie") {
      for (const path of value.matchAll(/Path=([^;,]*)/gi)) expect(path[1]).toMatch(new RegExp(`^/e/${SLUG_PATTERN.source.slice(1, -1)}$`));
      expect(value).not.toMatch(/Domain=/i);
    }
  }
}

describe("the entry over HTTP never answers 5xx", () => {
  it("answers the issue's crashing and injecting addresses with the 404 event_not_found page, without cookies", async () => {
    for (const path of [
      "/e/%ZZ",
      "/e/%ZZ/continue",
      "/e/%ZZ/lobby",
      "/e/x%0d%0aX-Injected:%201?token=a.b.c",
      "/e/x%3B%20Domain%3Devil.example?token=a.b.c",
      "/e/Spring-Summit",
      "/e/",
      "/e",
    ]) {
      const errors = vi.spyOn(console, "error");
      const response = await request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('data-testid="reason-code">event_not_found<');
      expect(response.headers.get("set-cookie"), path).toBeNull();
      expect(response.headers.get("x-injected"), path).toBeNull();
      expect(errors, path).not.toHaveBeenCalled();
    }
  });

  it("survives fuzzed paths, queries, methods and cookies: always below 500, headers safe, nothing logged", async () => {
    const errors = vi.spyOn(console, "error");
    const valid = await signAttendeeToken(key, { displayName: "Fuzzy Fay" }, { jti: null });
    const segment = fc.oneof(
      fc.constant(slug),
      fc.string({ unit: "grapheme", maxLength: 12 }).map(encodeURIComponent),
      fc.string({ maxLength: 12 }), // raw, possibly with "%" not followed by hex
      fc.constantFrom("%ZZ", "%", "%0d%0a", "x%3B%20Domain%3Devil", "..", "%2e%2e", "continue", "lobby", "%E0%A4%A", "a;b"),
    );
    const token = fc.oneof(
      fc.constant(valid),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("a.b.c", "", "%ZZ", "e30.e30.", valid.slice(0, -3), valid + "%0d%0a"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.option(token, { nil: undefined }),
        fc.constantFrom("GET", "POST", "HEAD", "PUT"),
        fc.option(fc.string({ maxLength: 30 }).filter((v) => !/[\r\n;\u0000-\u001f\u007f-\uffff]/.test(v)), { nil: undefined }),
        async (segments, tokenValue, method, cookieValue) => {
          const query = tokenValue === undefined ? "" : `?token=${tokenValue.replace(/[#\s]/g, "")}`;
          let url: URL;
          try {
            url = new URL(`/e/${segments.join("/")}${query}`, "http://localhost:3000");
          } catch {
            return; // not an address a client could send
          }
          const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: uid("10.9") };
          if (cookieValue !== undefined) headers.cookie = `pending_link=${cookieValue}; attendee_session=${cookieValue}`;
          const response = await handleAttendeeRequest(new NextRequest(url, { method, headers }));
          expect(response.status).toBeLessThan(500);
          expectSafeHeaders(response);
        },
      ),
      { numRuns: 300 },
    );
    expect(errors).not.toHaveBeenCalled();
  });
});

describe("the entry over HTTP", () => {
  it("after 30 refusals from one address, lets a valid token from that address in (303), while bad ones get 429", async () => {
    // The address as the request hook leaves it for every layer (lib/http/forwarded.ts).
    const office = { [CLIENT_ADDRESS_HEADER]: uid("10.1") };
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await request(`/e/${slug}?token=not.a.token`, { headers: office })).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    const valid = await request(`/e/${slug}?token=${await signAttendeeToken(key, { displayName: "Nat Office" }, { jti: null })}`, { headers: office });
    expect(valid.status).toBe(303);
    expect(valid.headers.get("location")).toBe(`http://localhost:3000/e/${slug}/lobby`);
    expect(valid.headers.get("set-cookie")).toMatch(new RegExp(`attendee_session=[\\w-]+; Path=/e/${slug}; .*HttpOnly`, "i"));
    const limited = await request(`/e/${slug}?token=not.a.token`, { headers: office });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("answers a cross-site confirmation and one without its link with their own explanation", async () => {
    const crossSite = await request(`/e/${slug}`, { method: "POST", headers: { [CLIENT_ADDRESS_HEADER]: uid("10.2"), "sec-fetch-site": "cross-site", cookie: "pending_link=a.b.c" } });
    expect(crossSite.status).toBe(400);
    expect(await crossSite.text()).toContain("sent from another website");
    const noLink = await request(`/e/${slug}`, { method: "POST", headers: { [CLIENT_ADDRESS_HEADER]: uid("10.3"), "sec-fetch-site": "same-origin" } });
    expect(await noLink.text()).toContain("arrived without the link it confirms");
  });

  it("escapes what it shows: an unknown kid is quoted in the refusal as text, never as markup", async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const forged = `${b64({ alg: "RS256", kid: "<img src=x onerror=alert(1)>" })}.${b64({ displayName: "X" })}.${"A".repeat(342)}`;
    const response = await request(`/e/${slug}?token=${forged}`, { headers: { [CLIENT_ADDRESS_HEADER]: uid("10.4") } });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
