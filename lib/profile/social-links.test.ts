import { describe, expect, it } from "vitest";
import { httpsLink, linkedinLink, linkFor, twitterLink } from "./social-links";

describe("twitter links", () => {
  it.each([
    ["larrydavid"],
    ["@larrydavid"],
    [" @larrydavid "],
    ["https://twitter.com/larrydavid"],
    ["http://twitter.com/larrydavid"],
    ["twitter.com/larrydavid"],
    ["www.twitter.com/larrydavid/"],
    ["https://mobile.twitter.com/larrydavid?s=20"],
    ["https://x.com/larrydavid"],
    ["x.com/@larrydavid"],
    ["HTTPS://X.COM/larrydavid"],
  ])("accepts %j as @larrydavid", (value) => {
    expect(twitterLink(value)).toEqual({ href: "https://x.com/larrydavid", text: "@larrydavid" });
  });

  it("keeps the handle's case", () => {
    expect(twitterLink("@Larry_David")).toEqual({ href: "https://x.com/Larry_David", text: "@Larry_David" });
  });

  it.each([
    ["javascript:alert(1)"],
    ["javascript://twitter.com/%0aalert(1)"],
    ["https://evil.com/larrydavid"],
    ["https://twitter.com.evil.com/larrydavid"],
    ["https://eviltwitter.com/larrydavid"],
    ["https://user@twitter.com/larrydavid"],
    ["https://twitter.com:8443/larrydavid"],
    ["https://twitter.com/larrydavid/status/123"],
    ["https://twitter.com/"],
    ["https://twitter.com/home"],
    ["https://x.com/i"],
    ["@this_handle_is_too_long"],
    ["larry david"],
    ["@"],
    [""],
    ["ftp://twitter.com/larrydavid"],
    ["data:text/html,<script>"],
  ])("refuses %j", (value) => {
    expect(twitterLink(value)).toBeNull();
  });
});

describe("linkedin links", () => {
  it.each([
    ["https://www.linkedin.com/in/larry-david"],
    ["https://linkedin.com/in/larry-david/"],
    ["linkedin.com/in/larry-david"],
    ["http://uk.linkedin.com/in/larry-david"],
    ["https://www.linkedin.com/in/larry-david?trk=public_profile"],
    ["larry-david"],
    ["@larry-david"],
  ])("accepts %j", (value) => {
    expect(linkedinLink(value)).toEqual({ href: "https://www.linkedin.com/in/larry-david", text: "linkedin.com/in/larry-david" });
  });

  it("accepts company pages and non-Latin profile names, encoding them canonically", () => {
    expect(linkedinLink("https://www.linkedin.com/company/seinfield")).toEqual({
      href: "https://www.linkedin.com/company/seinfield",
      text: "linkedin.com/company/seinfield",
    });
    expect(linkedinLink("https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller-12ab")).toEqual({
      href: "https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller-12ab",
      text: "linkedin.com/in/jörg-müller-12ab",
    });
  });

  it.each([
    ["javascript:alert(1)"],
    ["https://evil.com/in/larry-david"],
    ["https://linkedin.com.evil.com/in/larry-david"],
    ["https://www.linkedin.com/feed/"],
    ["https://www.linkedin.com/in/"],
    ["https://www.linkedin.com/in/larry-david/details/experience"],
    ["https://www.linkedin.com/posts/larry-david_123"],
    ["https://www.linkedin.com/in/%E0%A4%A"],
    ["https://www.linkedin.com/in/larry%22%3E%3Cscript%3E"],
    ["larry david"],
    ["ld"],
    ["in/larry-david"],
    [""],
  ])("refuses %j", (value) => {
    expect(linkedinLink(value)).toBeNull();
  });
});

describe("web links", () => {
  it("accepts https addresses and shows them without the scheme", () => {
    expect(httpsLink("https://www.example.com/about?x=1")).toEqual({ href: "https://www.example.com/about?x=1", text: "example.com/about?x=1" });
    expect(httpsLink("https://example.com")).toEqual({ href: "https://example.com/", text: "example.com" });
  });

  it.each([["http://example.com"], ["example.com"], ["javascript:alert(1)"], ["https://localhost/"], ["https://127.0.0.1/"], ["https://a@example.com/"], ["https://exa mple.com"]])(
    "refuses %j",
    (value) => {
      expect(httpsLink(value)).toBeNull();
    },
  );

  it("links by kind and never links text", () => {
    expect(linkFor("text", "https://example.com")).toBeNull();
    expect(linkFor("twitter", "@larrydavid")?.href).toBe("https://x.com/larrydavid");
    expect(linkFor("linkedin", "larry-david")?.href).toBe("https://www.linkedin.com/in/larry-david");
    expect(linkFor("url", "https://example.com")?.href).toBe("https://example.com/");
  });
});
