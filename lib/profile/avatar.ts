import { cleanText, graphemes } from "./text";

/**
 * The avatar a tile shows: the token's avatarUrl when it is an https URL (the attendee's browser
 * loads it; the server never fetches it), otherwise initials of displayName on a colour picked
 * deterministically from the name, so the same person looks the same on every screen.
 */
export type Avatar =
  | { kind: "image"; imageUrl: string; initials: string; colour: AvatarColour }
  | { kind: "initials"; initials: string; colour: AvatarColour };

export interface AvatarColour {
  background: string;
  foreground: string;
}

// Mid-dark tones: white initials on each have a contrast ratio of at least 4.5:1.
export const AVATAR_PALETTE: readonly string[] = [
  "#b91c1c", // red-700
  "#c2410c", // orange-700
  "#a16207", // yellow-700
  "#4d7c0f", // lime-700
  "#15803d", // green-700
  "#0f766e", // teal-700
  "#0e7490", // cyan-700
  "#0369a1", // sky-700
  "#1d4ed8", // blue-700
  "#4338ca", // indigo-700
  "#6d28d9", // violet-700
  "#a21caf", // fuchsia-700
  "#be185d", // pink-700
  "#475569", // slate-600
];
const NEUTRAL: AvatarColour = { background: "#64748b", foreground: "#ffffff" };

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
// Scripts whose letters join: two initials side by side would fuse into one ligature.
const JOINING_SCRIPT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Mongolian}\p{Script=Nko}]/u;
const ZWNJ = "\u200c";

/** The first grapheme of the word that starts with a letter or digit (skipping "(", "'", "¡"…). */
function initialOf(word: string): string | null {
  for (const g of graphemes(word)) {
    if (LETTER_OR_DIGIT.test(g)) return g.toLocaleUpperCase().normalize("NFC");
    if (PICTOGRAPHIC.test(g)) return null;
  }
  return null;
}

/**
 * "Larry David" → "LD"; "madonna" → "M"; "Élodie d'Artagnan" → "ÉD"; "山田 太郎" → "山太";
 * "🎬 Larry David 🎉" → "LD"; "🎉" → "🎉"; "" → "?". Two initials at most (first and last word).
 */
export function initialsOf(displayName: string): string {
  const name = cleanText(displayName).text;
  const words = name.split(/[\s\u3000]+/u).filter(Boolean);
  const initials = words.map(initialOf).filter((i): i is string => i !== null);
  if (initials.length === 0) {
    // A name of only emoji: the first one, whole (family and flag sequences included).
    const emoji = graphemes(name).find((g) => PICTOGRAPHIC.test(g) || /\p{Regional_Indicator}/u.test(g));
    return emoji ?? "?";
  }
  if (initials.length === 1) return initials[0]!;
  const first = initials[0]!;
  const last = initials[initials.length - 1]!;
  return JOINING_SCRIPT.test(first) || JOINING_SCRIPT.test(last) ? `${first}${ZWNJ}${last}` : `${first}${last}`;
}

/** FNV-1a over the UTF-16 units of the case-folded name: small, fast and the same everywhere. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function avatarColourFor(displayName: string): AvatarColour {
  const key = cleanText(displayName).text.toLocaleLowerCase();
  if (!key) return NEUTRAL;
  return { background: AVATAR_PALETTE[hash(key) % AVATAR_PALETTE.length]!, foreground: "#ffffff" };
}

/** A URL an attendee's browser may load as an image: https only, no credentials, a real host. */
export function safeAvatarUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || !url.hostname.includes(".")) return null;
  return url.href;
}

export function avatarFor(displayName: string, avatarUrl: unknown): Avatar {
  const initials = initialsOf(displayName);
  const colour = avatarColourFor(displayName);
  const imageUrl = safeAvatarUrl(avatarUrl);
  return imageUrl ? { kind: "image", imageUrl, initials, colour } : { kind: "initials", initials, colour };
}
