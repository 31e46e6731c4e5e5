import { describe, expect, it } from "vitest";
import { readAttendeeClaims } from "@/lib/tokens/attendee-claims";
import { checkLinkClaims, linkTokenPayload, linkUrl } from "./claims";
import { issueLinkBodySchema } from "./schema";

const NO_FEATURES = { transcription: false, interpretation: false };
const ALL_FEATURES = { transcription: true, interpretation: true };

describe("a test link's attendee", () => {
  it("becomes normalized claims without the parts left empty", () => {
    const check = checkLinkClaims(
      {
        displayName: "  Larry David ",
        email: "",
        avatarUrl: "",
        userProfile: [["organization", "Seinfield"], ["title", ""], ["interests", " comedy "]],
        roles: ["presenter", "host"],
      },
      NO_FEATURES,
    );
    expect(check).toEqual({
      ok: true,
      claims: { displayName: "Larry David", userProfile: [["organization", "Seinfield"], ["interests", "comedy"]], roles: ["host", "presenter"] },
    });
  });

  it("is refused by the same rules as the entry, naming the field the form shows", () => {
    const cases: Array<[Parameters<typeof checkLinkClaims>[0], string, RegExp]> = [
      [{ displayName: "   " }, "displayName", /Enter the attendee's name/],
      [{ displayName: "x".repeat(81) }, "displayName", /at most 80/],
      [{ displayName: "Evil\u202eName" }, "displayName", /control or text-direction/],
      [{ displayName: "Larry", email: "larry at example" }, "email", /email address/],
      [{ displayName: "Larry", avatarUrl: "http://example.com/a.png" }, "avatarUrl", /https:\/\//],
      [{ displayName: "Larry", avatarUrl: "https://user:pw@example.com/a.png" }, "avatarUrl", /user name or password/],
      // The index is the caller's: the empty pair before it is not sent, but still counted.
      [{ displayName: "Larry", userProfile: [["title", ""], ["bio", "y".repeat(501)]] }, "userProfile.1.1", /value of “bio” is too long: at most 500/],
    ];
    for (const [input, field, message] of cases) {
      const check = checkLinkClaims(input, ALL_FEATURES);
      expect(check.ok, field).toBe(false);
      if (!check.ok) {
        expect(check.error.field).toBe(field);
        expect(check.error.message).toMatch(message);
      }
    }
  });

  it("refuses transcriber and interpreter unless the feature is on for organization and event, instead of letting the entry drop them", () => {
    const transcriber = checkLinkClaims({ displayName: "Cap", roles: ["transcriber"] }, NO_FEATURES);
    expect(transcriber).toMatchObject({ ok: false, error: { field: "roles", message: expect.stringContaining("Transcription") } });
    expect(checkLinkClaims({ displayName: "Cap", roles: ["interpreter"] }, { transcription: true, interpretation: false })).toMatchObject({ ok: false });
    expect(checkLinkClaims({ displayName: "Cap", roles: ["transcriber", "interpreter"] }, ALL_FEATURES)).toMatchObject({ ok: true, claims: { roles: ["transcriber", "interpreter"] } });
  });

  it("produces claims the entry reads back unchanged, so the link shows what the form previewed", () => {
    const check = checkLinkClaims({ displayName: "Zoë", email: "zoe@example.com", userProfile: [["title", "Cafe\u0301 owner"]], roles: ["presenter"] }, NO_FEATURES);
    if (!check.ok) throw new Error(check.error.message);
    const payload = linkTokenPayload(check.claims, { jti: "j", iat: 1, exp: 301 });
    const read = readAttendeeClaims(payload, NO_FEATURES);
    expect(read).toMatchObject({ ok: true, jti: "j", notes: [], claims: { displayName: "Zoë", email: "zoe@example.com", userProfile: [["title", "Café owner"]], roles: ["presenter"] } });
  });

  it("is validated by the API's schema with the field path of the pair at fault", () => {
    const parsed = issueLinkBodySchema.safeParse({ displayName: "Larry", userProfile: [["title", "Producer"], ["bio", "\u0007"]] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["userProfile", 1, 1] });
    expect(issueLinkBodySchema.safeParse({ displayName: "Larry", sneaky: true }).success).toBe(false);
  });

  it("ends up in the event's entry URL", () => {
    expect(linkUrl("https://events.example.com/", "spring", "a.b.c")).toBe("https://events.example.com/e/spring?token=a.b.c");
  });
});
