import { describe, expect, it } from "vitest";
import { describeSnippets, KEY_ID_PLACEHOLDER } from "./description";
import { buildSnippets, SNIPPET_LANGUAGES } from "./languages";

const fields = [
  { key: "organization", label: "Organization", kind: "text" },
  { key: "twitter", label: "Twitter / X", kind: "twitter" },
];
const description = describeSnippets({ eventName: "Spring Summit", entryBaseUrl: "https://events.example.com/", eventSlug: "spring-summit", kid: "kid-123_abc", fields });

describe("integration snippets", () => {
  it("are described once from the event: entry URL, kid, 300 s, the fields in order with sample values", () => {
    expect(description).toMatchObject({
      entryUrl: "https://events.example.com/e/spring-summit",
      kid: "kid-123_abc",
      expirySeconds: 300,
      user: { displayName: "Larry David", userProfile: [["organization", "Seinfield"], ["twitter", "@larrydavid"]] },
    });
    expect(describeSnippets({ eventName: "X", entryBaseUrl: "https://e.example", eventSlug: "x", kid: null, fields: [] }).kid).toBe(KEY_ID_PLACEHOLDER);
  });

  it("come in every language, each a complete 302 handler with kid, jti and a 300 s expiry", () => {
    const snippets = buildSnippets(description);
    expect(snippets.map((s) => s.language)).toEqual([...SNIPPET_LANGUAGES]);
    const markers: Record<string, RegExp[]> = {
      "node-jsonwebtoken": [/require\("jsonwebtoken"\)/, /keyid: KEY_ID/, /expiresIn: 300/, /jwtid: crypto\.randomUUID\(\)/, /writeHead\(302/],
      "node-jose": [/from "jose"/, /kid: KEY_ID/, /setExpirationTime\("300s"\)/, /setJti\(randomUUID\(\)\)/, /writeHead\(302/],
      python: [/^import jwt$/m, /headers=\{"kid": KEY_ID\}/, /now \+ 300/, /"jti": str\(uuid\.uuid4\(\)\)/, /send_response\(302\)/],
      ruby: [/require "jwt"/, /\{ kid: KEY_ID \}/, /now \+ 300/, /jti: SecureRandom\.uuid/, /redirect .*, 302/],
      php: [/use Firebase\\JWT\\JWT;/, /'RS256', KEY_ID\)/, /\$now \+ 300/, /'jti' => bin2hex\(random_bytes\(16\)\)/, /true, 302\)/],
      go: [/github\.com\/golang-jwt\/jwt\/v5/, /Header\["kid"\] = keyID/, /300 \* time\.Second/, /"jti":/, /http\.StatusFound/],
    };
    for (const snippet of snippets) {
      for (const marker of markers[snippet.language]!) expect(snippet.code, `${snippet.language} ${marker}`).toMatch(marker);
      expect(snippet.code, snippet.language).toContain("https://events.example.com/e/spring-summit");
      expect(snippet.code, snippet.language).toContain("kid-123_abc");
      expect(snippet.code, snippet.language).toContain("/join-event");
      expect(snippet.code, snippet.language).toMatch(/no-referrer/);
      for (const [key, value] of description.user.userProfile) {
        expect(snippet.code, `${snippet.language} ${key}`).toContain(key);
        expect(snippet.code, `${snippet.language} ${value}`).toContain(value);
      }
    }
  });

  it("quote awkward field names and values so each language reads them back unchanged", () => {
    const awkward = describeSnippets({
      eventName: "O'Brien's \"Day\"\nwith a newline",
      entryBaseUrl: "https://e.example",
      eventSlug: "x",
      kid: "k",
      fields: [{ key: `it's "#{x}" \\ $y`, label: "Odd", kind: "text" }],
    });
    const byLanguage = Object.fromEntries(buildSnippets(awkward).map((s) => [s.language, s.code]));
    // Ruby and PHP single quotes: no interpolation of #{…} or $…; only \ and ' escaped.
    expect(byLanguage.ruby).toContain(`['it\\'s "#{x}" \\\\ $y', 'Sample odd']`);
    expect(byLanguage.php).toContain(`['it\\'s "#{x}" \\\\ $y', 'Sample odd']`);
    // JavaScript, Python and Go: JSON's escapes.
    for (const language of ["node-jsonwebtoken", "python", "go"]) expect(byLanguage[language]).toContain(`"it's \\"#{x}\\" \\\\ $y"`);
    // The event name is in a one-line comment: a newline in it must not end the comment.
    for (const code of Object.values(byLanguage)) expect(code).not.toMatch(/\nwith a newline/);
  });
});
