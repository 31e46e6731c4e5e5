import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { makeEvent, makeTenant } from "@/test/factories";
import { signAttendeeToken } from "@/test/tokens";
import { addActiveKey } from "@/test/event-keys";
import { handleAttendeeRequest } from "./http";

const original = process.env.BETTER_AUTH_URL;
afterEach(() => {
  process.env.BETTER_AUTH_URL = original;
});

async function enterOverPlainHttp(publicUrl: string) {
  process.env.BETTER_AUTH_URL = publicUrl;
  const { ctx } = await makeTenant();
  const event = await makeEvent(ctx);
  const key = await addActiveKey(ctx, event.slug);
  const token = await signAttendeeToken(key);
  // The last hop (a TLS-terminating proxy to the app) speaks plain http.
  const request = new NextRequest(`http://10.0.0.5:3000/e/${event.slug}?token=${token}`, { headers: { "x-client-address": "203.0.113.9" } });
  const response = await handleAttendeeRequest(request);
  expect(response.status).toBe(303);
  return response.headers.getSetCookie();
}

describe("attendee cookies", () => {
  it("are Secure whenever the public URL is https, even when the last hop is http", async () => {
    const cookies = await enterOverPlainHttp("https://events.example.com");
    expect(cookies.some((c: string) => c.startsWith("attendee_session="))).toBe(true);
    for (const cookie of cookies) expect(cookie, cookie.split(";")[0]).toMatch(/;\s*Secure/i);
  });

  it("are not Secure for a plain-http public URL (a local try-out), so the browser keeps them", async () => {
    const cookies = await enterOverPlainHttp("http://localhost:3000");
    for (const cookie of cookies) expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
