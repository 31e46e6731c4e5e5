import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin";

describe("isSameOriginPost", () => {
  it("accepts our own origin and requests without one", () => {
    expect(isSameOriginPost(new Headers({ origin: "https://events.example.com", host: "events.example.com" }))).toBe(true);
    expect(isSameOriginPost(new Headers({ origin: "http://localhost:3100", host: "localhost:3100" }))).toBe(true);
    expect(isSameOriginPost(new Headers({ host: "events.example.com" }))).toBe(true);
    expect(isSameOriginPost(new Headers({ origin: "https://events.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "events.example.com" }))).toBe(true);
  });
  it("trusts the browser's Sec-Fetch-Site, which survives no-referrer pages (Origin: null)", () => {
    expect(isSameOriginPost(new Headers({ origin: "null", "sec-fetch-site": "same-origin", host: "events.example.com" }))).toBe(true);
    expect(isSameOriginPost(new Headers({ origin: "null", "sec-fetch-site": "cross-site", host: "events.example.com" }))).toBe(false);
    expect(isSameOriginPost(new Headers({ origin: "https://events.example.com", "sec-fetch-site": "same-site", host: "events.example.com" }))).toBe(false);
  });

  it("refuses another site and garbage", () => {
    expect(isSameOriginPost(new Headers({ origin: "https://evil.example", host: "events.example.com" }))).toBe(false);
    expect(isSameOriginPost(new Headers({ origin: "null", host: "events.example.com" }))).toBe(false);
  });
});
