import type { FieldKind } from "./schema";

/**
 * Profile values that become links on the "You met with…" page. Each accepts the forms people
 * actually type (a handle, a profile URL with or without scheme or www) and produces one canonical
 * https link; anything else (another host, a javascript: URL, a post instead of a profile, junk)
 * is not linked at all.
 */
export interface ProfileLink {
  href: string;
  /** What the link reads as: "@larrydavid", "linkedin.com/in/larry-david", "example.com/about". */
  text: string;
}

const MAX_INPUT = 300;

/** Parses "host/path" or "scheme://host/path" as http(s); null for any other scheme or junk. */
function parseWebUrl(value: string): URL | null {
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  if (hasScheme && !/^https?:\/\//i.test(value)) return null;
  if (/\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch {
    return null;
  }
  if (url.username || url.password || url.port) return null;
  return url;
}

function pathSegments(url: URL): string[] | null {
  const parts = url.pathname.split("/");
  // "/a/b/" → ["", "a", "b", ""]: allow one trailing slash, nothing empty in between.
  if (parts[0] !== "") return null;
  const inner = parts.slice(1, parts.at(-1) === "" ? -1 : undefined);
  return inner.some((p) => p === "") ? null : inner;
}

// Twitter / X
const TWITTER_HOSTS = new Set(["twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com", "mobile.x.com"]);
const TWITTER_HANDLE = /^[A-Za-z0-9_]{1,15}$/;
// Site paths that look like handles but are not profiles.
const TWITTER_RESERVED = new Set([
  "home", "i", "intent", "share", "search", "explore", "settings", "messages", "notifications",
  "login", "logout", "signup", "tos", "privacy", "hashtag", "compose", "about", "jobs",
]);

export function twitterLink(raw: string): ProfileLink | null {
  const value = raw.trim();
  if (!value || value.length > MAX_INPUT) return null;
  let handle: string | undefined;
  if (/^@?[A-Za-z0-9_]+$/.test(value)) {
    handle = value.replace(/^@/, "");
  } else {
    const url = parseWebUrl(value);
    if (!url || !TWITTER_HOSTS.has(url.hostname.toLowerCase())) return null;
    const segments = pathSegments(url);
    if (!segments || segments.length !== 1) return null;
    handle = segments[0]!.replace(/^@/, "");
  }
  if (!TWITTER_HANDLE.test(handle) || TWITTER_RESERVED.has(handle.toLowerCase())) return null;
  return { href: `https://x.com/${handle}`, text: `@${handle}` };
}

// LinkedIn: personal profiles (/in/…) and company pages (/company/…), any country subdomain.
const LINKEDIN_HOST = /^(?:[a-z]{2,3}\.|www\.)?linkedin\.com$/;
const LINKEDIN_SLUG = /^[\p{L}\p{N}_-]{3,100}$/u;
const LINKEDIN_SECTIONS = new Set(["in", "company"]);

export function linkedinLink(raw: string): ProfileLink | null {
  const value = raw.trim();
  if (!value || value.length > MAX_INPUT) return null;
  let section = "in";
  let slug: string;
  if (!value.includes("/") && !value.includes(":")) {
    // A bare profile name, as shown after linkedin.com/in/ (a leading @ forgiven).
    slug = value.replace(/^@/, "");
  } else {
    const url = parseWebUrl(value);
    if (!url || !LINKEDIN_HOST.test(url.hostname.toLowerCase())) return null;
    const segments = pathSegments(url);
    if (!segments || segments.length !== 2 || !LINKEDIN_SECTIONS.has(segments[0]!.toLowerCase())) return null;
    section = segments[0]!.toLowerCase();
    try {
      slug = decodeURIComponent(segments[1]!);
    } catch {
      return null;
    }
  }
  if (!LINKEDIN_SLUG.test(slug)) return null;
  return { href: `https://www.linkedin.com/${section}/${encodeURIComponent(slug)}`, text: `linkedin.com/${section}/${slug}` };
}

/** A web link: https only (http is not upgraded: the site may not serve https), a dotted host, no credentials. */
export function httpsLink(raw: string): ProfileLink | null {
  const value = raw.trim();
  if (!value || value.length > MAX_INPUT || !/^https:\/\//i.test(value)) return null;
  const url = parseWebUrl(value);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  if (!host.includes(".") || host.endsWith(".") || /^[\d.]+$/.test(host) || host.startsWith("[")) return null;
  const text = `${host.replace(/^www\./, "")}${url.pathname === "/" ? "" : url.pathname}${url.search}`;
  return { href: url.href, text };
}

/** The link for a field's value by kind; text fields are never links. */
export function linkFor(kind: FieldKind, value: string): ProfileLink | null {
  switch (kind) {
    case "twitter":
      return twitterLink(value);
    case "linkedin":
      return linkedinLink(value);
    case "url":
      return httpsLink(value);
    default:
      return null;
  }
}

export const LINK_EXAMPLES: Record<Exclude<FieldKind, "text">, string> = {
  twitter: "a handle like @larrydavid or a profile link like https://x.com/larrydavid",
  linkedin: "a profile link like https://www.linkedin.com/in/larry-david (or just larry-david)",
  url: "an https:// address like https://example.com/about",
};
