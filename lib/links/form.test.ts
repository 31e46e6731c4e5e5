import { describe, expect, it } from "vitest";
import { attendeeNameInSentence, attendeeOf, formFieldOfError, linkNotes, type LinkFormState } from "./form";

const fields = [{ key: "organization" }, { key: "title" }];
const state: LinkFormState = {
  displayName: "Larry",
  email: "",
  avatarUrl: "",
  profile: { title: "Producer" },
  roles: ["presenter", "host"],
  kind: "one_off",
  lifetimeSeconds: 86400,
  confirmHostLongLived: false,
};

describe("the issue form", () => {
  it("sends the profile in the event's field order and roles in the doc's order", () => {
    expect(attendeeOf(state, fields)).toMatchObject({ userProfile: [["organization", ""], ["title", "Producer"]], roles: ["host", "presenter"] });
  });

  it("shows a claim error under the field input it came from", () => {
    expect(formFieldOfError("userProfile.1.1", fields)).toBe("profile.title");
    expect(formFieldOfError("userProfile", fields)).toBe("userProfile");
    expect(formFieldOfError("email", fields)).toBe("email");
  });

  it("warns in red about long-lived links, naming who gets in, for how long and with which roles", () => {
    const notes = linkNotes({ ...state, kind: "long_lived" }, { oneOffLifetimeSeconds: 300 });
    expect(notes[0]).toEqual({
      level: "danger",
      message: "Long-lived: for 1 day, anyone who has this link signs in as Larry with the presenter and host roles, as often as they like. Never send it by email or chat; revoke it when you are done.",
    });
    expect(notes[1]).toMatchObject({ level: "warning", message: "Host: Larry can do all there is to be done." });
    expect(linkNotes({ ...state, roles: [] }, { oneOffLifetimeSeconds: 300 })).toEqual([{ level: "info", message: expect.stringContaining("works once, within 5 minutes") }]);
  });

  it("quotes a long name only up to 40 characters in its warnings, never cutting an emoji in half", () => {
    expect(attendeeNameInSentence("  Larry David ")).toBe("Larry David");
    expect(attendeeNameInSentence("   ")).toBe("this attendee");
    const long = "Ada ".repeat(115).trim();
    expect(long).toHaveLength(459);
    const quoted = attendeeNameInSentence(long);
    expect(quoted).toBe(`${"Ada ".repeat(10).trim()}…`);
    expect([...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(quoted)]).toHaveLength(40);
    expect(attendeeNameInSentence("👩‍👩‍👧‍👦".repeat(45))).toBe(`${"👩‍👩‍👧‍👦".repeat(39)}…`);
    const note = linkNotes({ ...state, displayName: long, roles: [] }, { oneOffLifetimeSeconds: 300 })[0]!;
    expect(note.message).not.toContain(long);
    expect(note.message).toContain(`Continue as ${quoted}`);
  });
});
