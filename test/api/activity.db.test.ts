import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as activity from "@/app/api/v1/events/[slug]/activity/route";
import * as summary from "@/app/api/v1/events/[slug]/activity/summary/route";
import * as diagnosis from "@/app/api/v1/events/[slug]/activity/diagnosis/route";
import * as endSessions from "@/app/api/v1/events/[slug]/sessions/end/route";
import { flushEntryAttempts } from "@/lib/activity/recorder";
import { handleAttendeeRequest } from "@/lib/entry/http";
import { callApi, makeApiKey } from "@/test/api";
import { makeEvent, makeTenant } from "@/test/factories";
import { signAttendeeToken } from "@/test/tokens";
import { addActiveKey } from "@/test/event-keys";

/** One request to the entry as proxy.ts receives it (the server hook has set x-client-address); returns the session cookie, if any. */
async function open(slug: string, token: string, address = "203.0.113.7") {
  const response = await handleAttendeeRequest(
    new NextRequest(`http://localhost/e/${slug}?token=${token}`, { headers: { "x-client-address": address, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0" } }),
  );
  return { status: response.status, session: response.cookies.get("attendee_session")?.value };
}

async function setup() {
  const { ctx } = await makeTenant();
  const event = await makeEvent(ctx);
  const key = await addActiveKey(ctx, event.slug);
  const { key: apiKey } = await makeApiKey(ctx, "admin");
  return { ctx, event, key, apiKey };
}

/** 3 attendees sign in, 2 are refused (expired, tampered): the issue's own scenario. */
async function eventDay(slug: string, key: Awaited<ReturnType<typeof addActiveKey>>) {
  const tokens = await Promise.all(["Ann", "Bob", "Cy"].map((name) => signAttendeeToken(key, { displayName: name, email: `${name.toLowerCase()}@example.com` })));
  const sessions = [];
  for (const token of tokens) sessions.push((await open(slug, token)).session);
  const expired = await signAttendeeToken(key, { displayName: "Late Larry" }, { now: new Date(Date.now() - 3600_000) });
  const [h, p, s] = (await signAttendeeToken(key, { displayName: "Mallory" })).split(".");
  const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), displayName: "Mallory the Admin" })).toString("base64url")}.${s}`;
  expect((await open(slug, expired)).status).toBe(401);
  expect((await open(slug, tampered)).status).toBe(401);
  await flushEntryAttempts();
  return { tokens, tampered, sessions };
}

describe("/api/v1/events/{slug}/activity", () => {
  it("records every attempt through the entry (never the token; no claims from an unverified token) and summarises them", async () => {
    const { event, key, apiKey } = await setup();
    const { tokens, tampered } = await eventDay(event.slug, key);

    const stored = JSON.stringify(await db.entryAttempt.findMany({ where: { eventId: event.id } }));
    for (const token of [...tokens, tampered]) expect(stored).not.toContain(token.split(".")[2]!);
    expect(stored).not.toContain("Mallory");

    const sum = await callApi(summary.GET, { key: apiKey, params: { slug: event.slug } });
    expect(sum.status).toBe(200);
    expect(sum.json!.data.totals).toMatchObject({ signedIn: 3, refused: 2, attendees: 3, inEventNow: 3, refusalRate: 0.4 });
    expect(sum.json!.data.byReason).toEqual({ expired: 1, bad_signature: 1 });
    expect(sum.json!.data.byKey).toEqual([{ kid: key.kid, status: "active", label: null, signedIn: 3, share: 1 }]);
    expect(sum.json!.data.buckets.reduce((n: number, b: { signedIn: number }) => n + b.signedIn, 0)).toBe(3);

    const list = await callApi(activity.GET, { key: apiKey, params: { slug: event.slug }, path: `/events/${event.slug}/activity?outcome=refused` });
    expect(list.status).toBe(200);
    expect(list.json!.pagination.total).toBe(2);
    const [tamperedRow, expiredRow] = list.json!.data; // newest first
    expect(tamperedRow).toMatchObject({ reason: "bad_signature", kid: key.kid, displayName: null, email: null, jti: null, network: "203.0.113.0/24", browser: "Firefox" });
    expect(tamperedRow.explanation).toContain("changed after it was signed");
    expect(tamperedRow.advice).toContain("Keys tab");
    expect(expiredRow).toMatchObject({ reason: "expired", displayName: "Late Larry" });
    expect(expiredRow.explanation).toMatch(/^It expired at /);

    const byName = await callApi(activity.GET, { key: apiKey, params: { slug: event.slug }, path: `/events/${event.slug}/activity?attendee=BOB` });
    expect(byName.json!.data.map((a: { displayName: string }) => a.displayName)).toEqual(["Bob"]);
    const byKid = await callApi(activity.GET, { key: apiKey, params: { slug: event.slug }, path: `/events/${event.slug}/activity?kid=${key.kid}&outcome=signed_in&source=host_token&pageSize=2` });
    expect(byKid.json!.pagination).toMatchObject({ total: 3, pageCount: 2 });
  });

  it("exports the filtered attempts as CSV with the explanations, guarding spreadsheet formulas", async () => {
    const { event, key, apiKey } = await setup();
    await eventDay(event.slug, key);
    await open(event.slug, await signAttendeeToken(key, { displayName: "=HYPERLINK(\"http://evil\")" }));
    await flushEntryAttempts();
    const response = await activity.GET(
      new Request(`http://localhost/api/v1/events/${event.slug}/activity?outcome=signed_in`, { headers: { authorization: `Bearer ${apiKey}`, accept: "text/csv" } }),
      { params: Promise.resolve({ slug: event.slug }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("at,outcome,reason,explanation,advice,step,source,kid,linkId,jti,network,browser,displayName,email,sessionId");
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).every((l) => l.includes(",signed_in,"))).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("refuses bad input with 400 and the field: an unknown reason, from after to, minute buckets over 31 days, an unclear session target", async () => {
    const { event, apiKey } = await setup();
    const get = async (handler: typeof activity.GET, query: string) => callApi(handler, { key: apiKey, params: { slug: event.slug }, path: `/events/${event.slug}/activity${query}` });
    let r = await get(activity.GET, "?reason=bogus");
    expect(r.status).toBe(400);
    expect(r.json!.error.field).toBe("reason");
    r = await get(activity.GET, "?from=2027-04-02T00:00:00Z&to=2027-04-01T00:00:00Z");
    expect(r.json!.error.field).toBe("from");
    r = await get(activity.GET, "?from=yesterday");
    expect(r.status).toBe(400);
    expect(r.json!.error.message).toContain("from must be a date");
    r = await get(summary.GET, "?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z&bucket=minute");
    expect(r.status).toBe(400);
    expect(r.json!.error.field).toBe("bucket");
    r = await get(summary.GET, "?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z&bucket=hour");
    expect(r.status).toBe(200);
    r = await get(summary.GET, "?bucket=day");
    expect(r.json!.error.field).toBe("bucket");
    const post = (body: unknown) => callApi(endSessions.POST, { method: "POST", key: apiKey, params: { slug: event.slug }, body });
    expect((await post({})).status).toBe(400);
    expect((await post({ all: true, kid: "x" })).json!.error.field).toBe("kid");
    expect((await post({ all: false })).json!.error.field).toBe("all");
    expect((await post({ everyone: true })).json!.error.field).toBe("everyone");
    expect((await post({ kid: "not-a-key" })).status).toBe(404);
  });

  it("the diagnosis names millisecond timestamps with the fix", async () => {
    const { event, key, apiKey } = await setup();
    const ms = await new SignJWT({ displayName: "Millie" })
      .setProtectedHeader({ alg: "RS256", kid: key.kid })
      .setIssuedAt(Math.floor(Date.now() / 1000))
      .setExpirationTime(Date.now() + 300_000)
      .sign(key.privateKey);
    expect((await open(event.slug, ms)).status).toBe(422);
    await flushEntryAttempts();
    const r = await callApi(diagnosis.GET, { key: apiKey, params: { slug: event.slug } });
    expect(r.status).toBe(200);
    expect(r.json!.data).toEqual([expect.objectContaining({ code: "milliseconds", advice: expect.stringContaining("Math.floor(Date.now() / 1000)") })]);
  });
});

describe("ending attendee sessions", () => {
  it("ends the sessions a key opened; the attendee's next page is session_ended; viewers cannot; audited", async () => {
    const { ctx, event, key, apiKey } = await setup();
    const { sessions } = await eventDay(event.slug, key);
    const { key: viewerKey } = await makeApiKey(ctx, "viewer");
    expect((await callApi(endSessions.POST, { method: "POST", key: viewerKey, params: { slug: event.slug }, body: { all: true } })).status).toBe(403);

    const lobby = (secret: string) => handleAttendeeRequest(new NextRequest(`http://localhost/e/${event.slug}/lobby`, { headers: { cookie: `attendee_session=${secret}` } }));
    // Before: the lobby renders (the proxy passes the request on to the page).
    expect((await lobby(sessions[0]!)).headers.get("x-middleware-next")).toBe("1");

    const ended = await callApi(endSessions.POST, { method: "POST", key: apiKey, params: { slug: event.slug }, body: { kid: key.kid } });
    expect(ended.status).toBe(200);
    expect(ended.json!.data).toEqual({ ended: 3 });
    const response = await lobby(sessions[0]!);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('data-testid="reason-code">session_ended<');
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId: ctx.organizationId, action: "attendee_session.ended" } });
    expect(JSON.parse(audit.details!)).toMatchObject({ ended: 3, kid: key.kid });
    // Nothing left to end; a fresh token still gets in.
    expect((await callApi(endSessions.POST, { method: "POST", key: apiKey, params: { slug: event.slug }, body: { all: true } })).json!.data).toEqual({ ended: 0 });
    expect((await open(event.slug, await signAttendeeToken(key, { displayName: "Ann" }, { jti: randomUUID() }))).status).toBe(303);
  });
});
