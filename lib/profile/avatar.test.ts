import { describe, expect, it } from "vitest";
import { AVATAR_PALETTE, avatarColourFor, avatarFor, initialsOf, safeAvatarUrl } from "./avatar";
import { graphemes, truncateGraphemes, cleanText } from "./text";

describe("initials", () => {
  it.each([
    ["Larry David", "LD"],
    ["larry david", "LD"],
    ["Larry Joel David", "LD"],
    ["Madonna", "M"],
    ["  Cher  ", "C"],
    ["Élodie d'Artagnan", "ÉD"],
    // Decomposed é (e + combining acute) stays one character and comes out composed.
    ["e\u0301milie Zola", "ÉZ"],
    ["(Larry) David", "LD"],
    ["¡Larry!", "L"],
    ["Ольга Петрова", "ОП"],
    ["Γιώργος Παπαδόπουλος", "ΓΠ"],
    ["山田 太郎", "山太"],
    ["山田太郎", "山"],
    ["김민수", "김"],
    ["राहुल शर्मा", "राश"],
    ["🎬 Larry David 🎉", "LD"],
    ["Larry 🎉", "L"],
    ["🎉", "🎉"],
    ["👩‍👩‍👧 ", "👩‍👩‍👧"],
    ["🇫🇷", "🇫🇷"],
    ["", "?"],
    ["   ", "?"],
    ["!!!", "?"],
    ["R2 D2", "RD"],
  ])("%j → %j", (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });

  it("keeps joining scripts from fusing two initials into one ligature", () => {
    expect(initialsOf("محمد علي")).toBe("م\u200cع");
  });

  it("never returns more than two initials or splits a grapheme", () => {
    for (const name of ["A B C D", "👩‍👩‍👧 👨‍👩‍👦", "Zoë Ångström-Ødegaard"]) {
      expect(graphemes(initialsOf(name).replace("\u200c", "")).length).toBeLessThanOrEqual(2);
    }
  });
});

describe("avatar colour", () => {
  it("is deterministic, ignores case and surrounding spaces, and comes from the palette", () => {
    const colour = avatarColourFor("Larry David");
    expect(avatarColourFor("Larry David")).toEqual(colour);
    expect(avatarColourFor("  larry DAVID ")).toEqual(colour);
    expect(AVATAR_PALETTE).toContain(colour.background);
    expect(colour.foreground).toBe("#ffffff");
  });

  it("spreads different names over the palette", () => {
    const names = ["Larry David", "Jerry Seinfeld", "Elaine Benes", "George Costanza", "Cosmo Kramer", "Newman", "Frank Costanza", "Susan Ross"];
    const colours = new Set(names.map((n) => avatarColourFor(n).background));
    expect(colours.size).toBeGreaterThanOrEqual(5);
  });

  it("uses a neutral colour when there is no name", () => {
    expect(avatarColourFor("").background).toBe("#64748b");
  });
});

describe("avatar", () => {
  it("uses an https avatarUrl, keeping the initials for when the image fails", () => {
    expect(avatarFor("Larry David", "https://cdn.example.com/larry.png")).toMatchObject({
      kind: "image",
      imageUrl: "https://cdn.example.com/larry.png",
      initials: "LD",
    });
  });

  it.each([
    ["http://cdn.example.com/larry.png"],
    ["javascript:alert(1)"],
    ["data:image/png;base64,AAAA"],
    ["https://user:pass@cdn.example.com/a.png"],
    ["https://localhost/a.png"],
    ["//cdn.example.com/a.png"],
    ["not a url"],
    [42],
    [""],
  ])("falls back to initials for %j", (url) => {
    expect(safeAvatarUrl(url)).toBeNull();
    expect(avatarFor("Larry David", url)).toMatchObject({ kind: "initials", initials: "LD" });
  });
});

describe("text", () => {
  it("cuts at graphemes, not code units", () => {
    expect(truncateGraphemes("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 2)).toEqual({ text: "👩‍👩‍👧👩‍👩‍👧…", truncated: true });
    expect(truncateGraphemes("short", 10)).toEqual({ text: "short", truncated: false });
  });

  it("removes control and direction-override characters and says so", () => {
    expect(cleanText("Larry\u202eDivaD")).toEqual({ text: "LarryDivaD", changed: true });
    expect(cleanText("Larry\u0000 David")).toEqual({ text: "Larry David", changed: true });
    expect(cleanText("  Larry \n David ")).toEqual({ text: "Larry David", changed: false });
  });
});
