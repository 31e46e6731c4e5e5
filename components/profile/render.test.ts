import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { presentAttendee, type FieldDefinition } from "@/lib/profile/present";
import { MetCard } from "./met-card";
import { StreamTile } from "./stream-tile";

/**
 * The tile and the card render outside Next with plain react-dom/server: no server-only module,
 * no client state, so the attendee lobby (a server component) and client forms share them.
 */
const fields: FieldDefinition[] = [
  { key: "organization", label: "Organization", kind: "text" },
  { key: "title", label: "Title", kind: "text" },
  { key: "twitter", label: "Twitter / X", kind: "twitter" },
];
const larry = presentAttendee(
  {
    displayName: "Larry David",
    avatarUrl: "https://images.example.com/larry.png",
    userProfile: [["organization", "Seinfield"], ["title", "Producer"], ["twitter", "@larrydavid"], ["shoe", "11"]],
    roles: ["presenter"],
  },
  fields,
).attendee;

describe("StreamTile", () => {
  it("shows the name, the first field, role badges, and keeps the rest for hover and focus", () => {
    const html = renderToStaticMarkup(createElement(StreamTile, { attendee: larry }));
    expect(html).toContain('tabindex="0"');
    expect(html).toMatch(/data-testid="tile-name"[^>]*>Larry David</);
    expect(html).toMatch(/data-testid="tile-headline"[^>]*>Seinfield</);
    expect(html).toContain('data-role="presenter"');
    expect(html).toMatch(/data-testid="tile-details" class="[^"]*\bhidden group-hover:block group-focus:block/);
    expect(html).toContain("Producer");
    expect(html).not.toContain("shoe");
    // The details describe the focusable tile for screen readers.
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`id="${describedBy}"`);
  });

  it("pins the details open when revealed", () => {
    const html = renderToStaticMarkup(createElement(StreamTile, { attendee: larry, revealed: true }));
    expect(html).toMatch(/data-testid="tile-details" class="[^"]* block"/);
  });

  it("loads the avatar image without a referrer, or not at all when told", () => {
    const html = renderToStaticMarkup(createElement(StreamTile, { attendee: larry }));
    expect(html).toContain('src="https://images.example.com/larry.png"');
    expect(html).toContain('referrerPolicy="no-referrer"');
    const withoutImage = renderToStaticMarkup(createElement(StreamTile, { attendee: larry, loadImage: false }));
    expect(withoutImage).not.toContain("<img");
    expect(withoutImage).toContain(">LD<");
  });
});

describe("MetCard", () => {
  it("links twitter canonically, safely, in a new tab", () => {
    const html = renderToStaticMarkup(createElement(MetCard, { attendee: larry }));
    expect(html).toContain('href="https://x.com/larrydavid"');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
    expect(html).toContain("Seinfield");
  });

  it("says when there is nothing to follow up on", () => {
    const plain = presentAttendee({ displayName: "Larry David", userProfile: [["twitter", "javascript:alert(1)"]] }, fields).attendee;
    const html = renderToStaticMarkup(createElement(MetCard, { attendee: plain }));
    expect(html).not.toContain("<a ");
    expect(html).toContain("No Twitter / X or LinkedIn link");
  });
});
