/**
 * Text as people see it: lengths and cuts in grapheme clusters (what a reader counts as one
 * character: "é", "👩‍👩‍👧", "रा"), never in UTF-16 code units, so a cut never splits a character.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function graphemeLength(text: string): number {
  return Array.from(segmenter.segment(text)).length;
}

/** The first `max` graphemes, with "…" in place of the rest; `truncated` says whether it cut. */
export function truncateGraphemes(text: string, max: number): { text: string; truncated: boolean } {
  // A grapheme is at least one UTF-16 unit: short strings need no segmenting (the common case).
  if (text.length <= max) return { text, truncated: false };
  const parts = graphemes(text);
  if (parts.length <= max) return { text, truncated: false };
  return { text: `${parts.slice(0, max).join("").trimEnd()}…`, truncated: true };
}

// Control characters (newlines and tabs become spaces) and bidi overrides/isolates, which could make
// a name or value read backwards on other attendees' screens.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/gu;

/** One line of plain text: NFC, no control or direction-override characters, spaces collapsed. */
export function cleanText(text: string): { text: string; changed: boolean } {
  const normalized = text.normalize("NFC");
  const cleaned = normalized.replace(CONTROL, " ").replace(BIDI_CONTROL, "").replace(/\s+/gu, " ").trim();
  const changed = cleaned !== normalized.replace(/\s+/gu, " ").trim();
  return { text: cleaned, changed };
}

/** A short, readable rendition of any JSON value for messages: "a number (42)", "an object". */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `the text "${truncateGraphemes(value, 40).text}"`;
    case "number":
      return `a number (${value})`;
    case "boolean":
      return `a boolean (${value})`;
    case "undefined":
      return "nothing";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}
