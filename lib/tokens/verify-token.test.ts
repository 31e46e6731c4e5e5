import { sign } from "node:crypto";
import { compactVerify, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { MAX_TOKEN_LENGTH } from "./parse-token";
import { NOW, NOW_S, b64url, claims, context, signHs256, signToken, verificationKey, withPayload } from "@/test/tokens";
import { keyPair } from "@/test/keys";
import type { VerifyFailure, VerifyResult } from "./types";
import { verifyAttendeeToken } from "./verify-token";

const verify = (token: unknown, ctx = context()) => verifyAttendeeToken(token, ctx);

function failure(result: VerifyResult): VerifyFailure {
  if (result.ok) throw new Error(`expected a failure, got success for ${result.claims.displayName}`);
  return result;
}

async function expectReason(token: unknown, reason: VerifyFailure["reason"], ctx = context()) {
  const result = failure(await verify(token, ctx));
  expect(result.reason).toBe(reason);
  return result.detail as Record<string, unknown>;
}

async function expectOk(token: unknown, ctx = context()) {
  const result = await verify(token, ctx);
  if (!result.ok) throw new Error(`expected success, got ${result.reason} ${JSON.stringify(result.detail)}`);
  return result;
}

describe("a good token", () => {
  it("is accepted with normalized claims, the key that verified it and its times", async () => {
    const token = signToken(claims({ displayName: "  Larry David ", jti: "abc-1", nbf: NOW_S - 5, roles: ["presenter", "presenter"] }));
    const result = await expectOk(token);
    expect(result).toMatchObject({
      keyId: "key-a",
      kid: "kid-a",
      jti: "abc-1",
      issuedAt: new Date(NOW_S * 1000),
      expiresAt: new Date((NOW_S + 300) * 1000),
      notBefore: new Date((NOW_S - 5) * 1000),
      lifetimeSeconds: 300,
      notes: [],
    });
    expect(result.claims).toEqual({
      displayName: "Larry David",
      email: "larry@example.com",
      avatarUrl: null,
      userProfile: [
        ["organization", "Seinfield"],
        ["title", "Producer"],
        ["interests", "comedy"],
      ],
      roles: ["presenter"],
    });
  });

  it("reports a long-lived token in the notes", async () => {
    const result = await expectOk(signToken(claims({ exp: NOW_S + 2 * 86400 })));
    expect(result.notes.map((n) => n.code)).toEqual(["long_lived"]);
    expect(result.notes[0]!.message).toContain("2 days");
  });
});

describe("input limits (malformed)", () => {
  it("refuses anything that is not a non-empty string", async () => {
    for (const input of [undefined, null, 42, {}, ["a.b.c"]]) expect((await expectReason(input, "malformed")).problem).toBe("not_a_string");
    expect((await expectReason("", "malformed")).problem).toBe("empty");
  });

  it(`refuses tokens longer than ${MAX_TOKEN_LENGTH} characters before decoding them, and accepts one at the limit`, async () => {
    const sized = (padding: number) => signToken(claims({ pad: "x".repeat(padding) }));
    // The longest padding that still fits (token length grows with the padding): binary search.
    let [padding, tooMuch] = [0, MAX_TOKEN_LENGTH];
    while (tooMuch - padding > 1) {
      const middle = Math.floor((padding + tooMuch) / 2);
      if (sized(middle).length <= MAX_TOKEN_LENGTH) padding = middle;
      else tooMuch = middle;
    }
    const atLimit = sized(padding);
    expect(atLimit.length).toBeGreaterThan(MAX_TOKEN_LENGTH - 4);
    await expectOk(atLimit);
    const over = sized(padding + 1);
    expect(over.length).toBeGreaterThan(MAX_TOKEN_LENGTH);
    expect(await expectReason(over, "malformed")).toEqual({ problem: "too_long", limit: MAX_TOKEN_LENGTH });
    expect((await expectReason("a".repeat(1_000_000), "malformed")).problem).toBe("too_long");
  });

  it("needs exactly three segments with a header and a signature", async () => {
    const [h, p, s] = signToken(claims()).split(".");
    expect((await expectReason(`${h}.${p}`, "malformed")).problem).toBe("segment_count");
    expect((await expectReason(`${h}.${p}.${s}.${s}`, "malformed")).problem).toBe("segment_count");
    expect(await expectReason(`${h}.${p}.`, "malformed")).toMatchObject({ problem: "empty_segment", segment: "signature" });
    expect(await expectReason(`.${p}.${s}`, "malformed")).toMatchObject({ problem: "empty_segment", segment: "header" });
  });

  it("accepts only canonical base64url: no padding, whitespace, +/ or non-zero trailing bits", async () => {
    const token = signToken(claims());
    const [h, p, s] = token.split(".") as [string, string, string];
    await expectOk(token);
    const variants = [
      `${h}=.${p}.${s}`,
      `${h}.${p}==.${s}`,
      `${h}.${p}.${s}==`,
      `${h}.${p.slice(0, 10)} ${p.slice(10)}.${s}`,
      `${h}.${p}.${s.slice(0, 20)}\n${s.slice(20)}`,
      ` ${token}`,
      `${token}\n`,
      `${h}.${p}.${s.replace(/-/g, "+").replace(/_/g, "/")}`,
      `${h}.${p}.${s.slice(0, -1)}!`,
    ];
    for (const variant of variants) {
      if (variant === token) continue;
      expect((await expectReason(variant, "malformed")).problem, JSON.stringify(variant.slice(0, 30))).toBe("not_base64url");
    }
    // 256 signature bytes are 342 characters: the last one carries 4 bits of padding that must be zero.
    expect(s.length % 4).toBe(2);
    const last = s.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sibling = alphabet[(alphabet.indexOf(last) & ~0xf) | 0x1]!;
    expect(Buffer.from(`${s.slice(0, -1)}${sibling}`, "base64url")).toEqual(Buffer.from(s, "base64url")); // Node alone would not notice
    expect(await expectReason(`${h}.${p}.${s.slice(0, -1)}${sibling}`, "malformed")).toMatchObject({ problem: "not_base64url", segment: "signature" });
  });

  it("needs a header and a payload that are UTF-8 JSON objects", async () => {
    expect(await expectReason(signToken(claims(), { header: "not json" }), "malformed")).toMatchObject({ problem: "not_json", segment: "header" });
    expect(await expectReason(signToken(claims(), { header: '["RS256"]' }), "malformed")).toMatchObject({ problem: "not_an_object", segment: "header" });
    expect(await expectReason(signToken("null"), "malformed")).toMatchObject({ problem: "not_an_object", segment: "payload" });
    expect(await expectReason(signToken('"Larry"'), "malformed")).toMatchObject({ problem: "not_an_object", segment: "payload" });
    expect(await expectReason(signToken("{displayName: 1}"), "malformed")).toMatchObject({ problem: "not_json", segment: "payload" });
    const [h, , s] = signToken(claims()).split(".");
    expect(await expectReason(`${h}.${b64url(Buffer.from([0x7b, 0xff, 0x7d]))}.${s}`, "malformed")).toMatchObject({ problem: "not_utf8", segment: "payload" });
  });

  it("refuses duplicate JSON keys, which JSON.parse and jose silently resolve to the last one", async () => {
    const payload = `{"displayName":"Larry David","exp":${NOW_S + 300},"iat":${NOW_S},"displayName":"Jerry Seinfeld"}`;
    expect(await expectReason(signToken(payload), "malformed")).toEqual({ problem: "duplicate_key", segment: "payload", name: "displayName" });
    // The same key written with an escape is still the same key.
    const escaped = `{"displayName":"Larry David","exp":${NOW_S + 300},"\\u0064isplayName":"Jerry"}`;
    expect((await expectReason(signToken(escaped), "malformed")).name).toBe("displayName");
    const header = '{"alg":"RS256","kid":"kid-a","alg":"HS256"}';
    expect(await expectReason(signToken(claims(), { header }), "malformed")).toEqual({ problem: "duplicate_key", segment: "header", name: "alg" });
    // Same names in different objects are fine.
    await expectOk(signToken(claims({ meta: { displayName: "x", nested: { exp: 1 } }, other: [{ displayName: "y" }, { displayName: "z" }] })));
  });
});

describe("header: algorithm and key references", () => {
  it('refuses alg "none", with or without a signature', async () => {
    const unsigned = `${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${b64url(JSON.stringify(claims()))}.`;
    expect((await expectReason(unsigned, "malformed")).problem).toBe("empty_segment");
    for (const alg of ["none", "None", "NONE"]) {
      expect(await expectReason(signToken(claims(), { header: { alg } }), "bad_signature")).toEqual({ problem: "alg_not_allowed", alg });
    }
    expect(await expectReason(signToken(claims(), { header: { typ: "JWT" } }), "bad_signature")).toEqual({ problem: "alg_not_allowed", alg: null });
  });

  it("refuses HS256 signed with the event's public key PEM as the secret (jose alone would accept it)", async () => {
    const pem = keyPair("a").publicKey.export({ type: "spki", format: "pem" }) as string;
    const forged = signHs256(claims(), pem);
    // The forgery is real: a verifier that hands jose the PEM bytes accepts it.
    await expect(jwtVerify(forged, new TextEncoder().encode(pem), { currentDate: NOW })).resolves.toBeTruthy();
    expect(await expectReason(forged, "bad_signature")).toEqual({ problem: "alg_not_allowed", alg: "HS256" });
    expect((await expectReason(signHs256(claims(), pem, { alg: "HS256", kid: "kid-a" }), "bad_signature")).problem).toBe("alg_not_allowed");
  });

  it("refuses RS384/RS512 and PS256 even when the event's own key made the signature", async () => {
    for (const [alg, digest] of [["RS384", "sha384"], ["RS512", "sha512"]] as const) {
      const token = signToken(claims(), { header: { alg, kid: "kid-a" }, digest });
      await expect(compactVerify(token, keyPair("a").publicKey, { algorithms: [alg] })).resolves.toBeTruthy();
      expect(await expectReason(token, "bad_signature")).toEqual({ problem: "alg_not_allowed", alg });
    }
    for (const alg of ["PS256", "ES256", "EdDSA", "rs256"]) {
      expect((await expectReason(signToken(claims(), { header: { alg } }), "bad_signature")).alg).toBe(alg);
    }
  });

  it("refuses jku, x5u, jwk, x5c and crit headers even when the signature is good: keys come only from the event", async () => {
    const attacker = keyPair("attacker");
    const headers: Record<string, unknown> = {
      jku: "https://attacker.example/jwks.json",
      x5u: "https://attacker.example/cert.pem",
      jwk: attacker.publicKey.export({ format: "jwk" }),
      x5c: ["MIIB..."],
      crit: ["exp"],
    };
    for (const [name, value] of Object.entries(headers)) {
      const token = signToken(claims(), { header: { alg: "RS256", kid: "kid-a", [name]: value } });
      expect(await expectReason(token, "malformed")).toEqual({ problem: "forbidden_header", segment: "header", name });
    }
  });

  it("needs kid, when present, to be a short non-empty string", async () => {
    for (const kid of [42, "", "k".repeat(129), ["kid-a"], null]) {
      expect((await expectReason(signToken(claims(), { header: { alg: "RS256", kid } }), "malformed")).problem).toBe("kid_invalid");
    }
  });
});

describe("key choice", () => {
  const a = verificationKey("a");
  const retired = verificationKey("b", "retired");
  const revoked = verificationKey("c", "revoked");
  const keys = [a, retired, revoked];
  const noKid = (signer: string) => signToken(claims(), { signer, header: { alg: "RS256", typ: "JWT" } });

  it("uses the key named by kid", async () => {
    expect((await expectOk(signToken(claims(), { signer: "b" }), context({ keys }))).keyId).toBe("key-b");
  });

  it("refuses a kid that is not one of the event's keys as unknown_key", async () => {
    expect(await expectReason(signToken(claims(), { header: { alg: "RS256", kid: "kid-zzz" } }), "unknown_key", context({ keys }))).toEqual({
      problem: "kid_not_found",
      kid: "kid-zzz",
      keysTried: 0,
    });
  });

  it("refuses the kid of a revoked key as key_revoked, although its signature is good", async () => {
    expect(await expectReason(signToken(claims(), { signer: "c" }), "key_revoked", context({ keys }))).toEqual({ kid: "kid-c", keyId: "key-c" });
  });

  it("tells a token changed after signing from one signed by another key (bad_signature)", async () => {
    const tampered = withPayload(signToken(claims()), claims({ displayName: "Jerry Seinfeld" }));
    expect(await expectReason(tampered, "bad_signature", context({ keys }))).toEqual({ problem: "content_changed", kid: "kid-a", keyId: "key-a" });
    const mislabelled = signToken(claims(), { signer: "b", header: { alg: "RS256", kid: "kid-a" } });
    expect(await expectReason(mislabelled, "bad_signature", context({ keys }))).toEqual({ problem: "different_key", kid: "kid-a", keyId: "key-a" });
  });

  it("without kid, tries the active keys and then the retired ones, and says so when a retired key verified", async () => {
    expect((await expectOk(noKid("a"), context({ keys }))).keyId).toBe("key-a");
    const result = await expectOk(noKid("b"), context({ keys: [a, retired] }));
    expect(result.keyId).toBe("key-b");
    expect(result.notes.map((n) => n.code)).toEqual(["retired_key"]);
  });

  it("without kid, a token only a revoked key verifies fails as key_revoked", async () => {
    expect(await expectReason(noKid("c"), "key_revoked", context({ keys }))).toEqual({ kid: "kid-c", keyId: "key-c" });
  });

  it("without kid, a token none of the event's keys made is unknown_key; a changed one is bad_signature", async () => {
    expect(await expectReason(noKid("d"), "unknown_key", context({ keys }))).toEqual({ problem: "no_key_matches", kid: null, keysTried: 2 });
    const changed = withPayload(noKid("b"), claims({ roles: ["host"] }));
    expect(await expectReason(changed, "bad_signature", context({ keys }))).toEqual({ problem: "content_changed", kid: "kid-b", keyId: "key-b" });
  });

  it("an event without active or retired keys accepts nothing", async () => {
    expect((await expectReason(noKid("a"), "unknown_key", context({ keys: [] }))).problem).toBe("no_keys");
    expect((await expectReason(noKid("a"), "unknown_key", context({ keys: [revoked] }))).problem).toBe("no_keys");
  });

  it("never trusts a weak key it is handed: 1024 bits, or public exponent 3", async () => {
    keyPair("short", { bits: 1024 });
    const short = verificationKey("short");
    expect((await expectReason(signToken(claims(), { signer: "short" }), "bad_signature", context({ keys: [short] }))).problem).toBe("key_unusable");
    expect((await expectReason(signToken(claims(), { signer: "short", header: { alg: "RS256" } }), "unknown_key", context({ keys: [short] }))).problem).toBe("no_keys");

    keyPair("e3", { exponent: 3 });
    const e3 = verificationKey("e3");
    const token = signToken(claims(), { signer: "e3" });
    await expect(compactVerify(token, e3.publicKey, { algorithms: ["RS256"] })).resolves.toBeTruthy(); // jose alone accepts it
    expect((await expectReason(token, "bad_signature", context({ keys: [e3] }))).problem).toBe("key_unusable");
  });
});

describe("time claims with a 60 s leeway (frozen clock)", () => {
  const at = (offset: number) => NOW_S + offset;

  it("exp: expired from exactly now − leeway on", async () => {
    await expectOk(signToken(claims({ iat: at(-200), exp: at(-59) })));
    expect(await expectReason(signToken(claims({ iat: at(-200), exp: at(-60) })), "expired")).toEqual({ expiresAt: new Date(at(-60) * 1000), leewaySeconds: 60 });
    await expectReason(signToken(claims({ iat: at(-200), exp: at(-61) })), "expired");
  });

  it("exp: required unless the policy says otherwise", async () => {
    const noExp = signToken(claims({ exp: undefined }));
    expect(await expectReason(noExp, "invalid_claims")).toEqual({ field: "exp", problem: "missing" });
    const result = await expectOk(noExp, context({ policy: { requireExp: false } }));
    expect(result.expiresAt).toBeUndefined();
    expect(result.notes.map((n) => n.code)).toEqual(["no_expiry"]);
  });

  it("exp, nbf, iat: must be NumericDates", async () => {
    expect(await expectReason(signToken(claims({ exp: String(at(300)) })), "invalid_claims")).toEqual({ field: "exp", problem: "wrong_type" });
    expect(await expectReason(signToken(claims({ exp: 1e20 })), "invalid_claims")).toEqual({ field: "exp", problem: "out_of_range" });
    expect(await expectReason(signToken(claims({ nbf: true })), "invalid_claims")).toEqual({ field: "nbf", problem: "wrong_type" });
    expect(await expectReason(signToken(claims({ iat: -1 })), "invalid_claims")).toEqual({ field: "iat", problem: "out_of_range" });
  });

  it("nbf: valid up to leeway seconds early", async () => {
    await expectOk(signToken(claims({ nbf: at(59) })));
    await expectOk(signToken(claims({ nbf: at(60) })));
    expect(await expectReason(signToken(claims({ nbf: at(61) })), "not_yet_valid")).toEqual({ claim: "nbf", at: new Date(at(61) * 1000), leewaySeconds: 60 });
  });

  it("iat: a time in the future beyond the leeway is refused", async () => {
    await expectOk(signToken(claims({ iat: at(60), exp: at(360) })));
    expect(await expectReason(signToken(claims({ iat: at(61), exp: at(361) })), "not_yet_valid")).toEqual({ claim: "iat", at: new Date(at(61) * 1000), leewaySeconds: 60 });
  });

  it("lifetime: exactly the long-lived maximum is allowed, one second more is not", async () => {
    const max = 7 * 86400;
    await expectOk(signToken(claims({ iat: at(-10), exp: at(-10 + max) })));
    expect(await expectReason(signToken(claims({ iat: at(-10), exp: at(-10 + max + 1) })), "lifetime_exceeded")).toEqual({
      lifetimeSeconds: max + 1,
      maxSeconds: max,
      measuredFrom: "iat",
    });
  });

  it("lifetime: without iat it is measured from now", async () => {
    await expectOk(signToken(claims({ iat: undefined, exp: at(3600) })), context({ policy: { longLivedMaxSeconds: 3600 } }));
    expect(await expectReason(signToken(claims({ iat: undefined, exp: at(3601) })), "lifetime_exceeded", context({ policy: { longLivedMaxSeconds: 3600 } }))).toMatchObject({
      lifetimeSeconds: 3601,
      measuredFrom: "now",
    });
  });

  it('cutoff: tokens issued before the event\'s "reject tokens issued before" instant are refused, without leeway', async () => {
    const cutoff = new Date((NOW_S - 30) * 1000 + 400);
    const ctx = context({ policy: { rejectTokensIssuedBefore: cutoff } });
    expect(await expectReason(signToken(claims({ iat: at(-31) })), "issued_before_cutoff", ctx)).toEqual({ issuedAt: new Date(at(-31) * 1000), cutoff });
    // iat has whole seconds: a token from the cutoff's own second may be older than the cutoff, so it is refused.
    await expectReason(signToken(claims({ iat: at(-30) })), "issued_before_cutoff", ctx);
    await expectOk(signToken(claims({ iat: at(-29) })), ctx);
    await expectOk(signToken(claims({ iat: at(-30) })), context({ policy: { rejectTokensIssuedBefore: new Date(at(-30) * 1000) } }));
    expect(await expectReason(signToken(claims({ iat: undefined })), "issued_before_cutoff", ctx)).toEqual({ issuedAt: null, cutoff });
  });

  it("fails closed when the clock or the policy is not a number", async () => {
    const token = signToken(claims());
    for (const ctx of [
      context({ now: new Date(Number.NaN) }),
      context({ policy: { leewaySeconds: Number.NaN } }),
      context({ policy: { longLivedMaxSeconds: Number.NaN } }),
      context({ policy: { rejectTokensIssuedBefore: new Date(Number.NaN) } }),
    ]) {
      expect((await verify(token, ctx)).ok).toBe(false);
    }
  });

  it("uses the context's clock, not the machine's", async () => {
    const token = signToken(claims());
    await expectOk(token);
    await expectReason(token, "expired", context({ now: new Date(NOW.getTime() + 361_000) }));
    await expectOk(token, context({ now: new Date(NOW.getTime() + 359_000) }));
  });
});

describe("attendee claims", () => {
  const check = (extra: Record<string, unknown>, ctx = context()) => verify(signToken(claims(extra)), ctx);
  async function invalid(extra: Record<string, unknown>) {
    const result = failure(await check(extra));
    expect(result.reason).toBe("invalid_claims");
    return result.detail;
  }

  it("displayName: required, trimmed, at most 80 graphemes, printable", async () => {
    expect(await invalid({ displayName: undefined })).toEqual({ field: "displayName", problem: "missing" });
    expect(await invalid({ displayName: "   " })).toEqual({ field: "displayName", problem: "empty" });
    expect(await invalid({ displayName: 7 })).toEqual({ field: "displayName", problem: "wrong_type" });
    const family = "👨‍👩‍👧"; // one grapheme, eight UTF-16 code units
    expect((await expectOk(signToken(claims({ displayName: family.repeat(80) })))).claims.displayName).toBe(family.repeat(80));
    expect(await invalid({ displayName: family.repeat(81) })).toEqual({ field: "displayName", problem: "too_long", limit: 80 });
    expect(await invalid({ displayName: "x".repeat(81) })).toMatchObject({ problem: "too_long" });
    for (const sneaky of ["Larry\u0000David", "Larry\nDavid", "Larry\u202eDivaD", "Larry\u2066x\u2069", "Larry\u0085", "Larry\ud800"]) {
      expect(await invalid({ displayName: sneaky }), JSON.stringify(sneaky)).toEqual({ field: "displayName", problem: "control_characters" });
    }
    const result = await expectOk(signToken(claims({ displayName: "Zoe\u0301 Saldan\u0303a" })));
    expect(result.claims.displayName).toBe("Zoé Saldaña"); // NFC
  });

  it("displayName: no direction marks, not only invisible characters, at most 8 combining marks per character", async () => {
    for (const mark of ["\u200e", "\u200f", "\u061c"]) {
      expect(await invalid({ displayName: `Larry${mark}David` }), JSON.stringify(mark)).toEqual({ field: "displayName", problem: "control_characters" });
    }
    const tags = String.fromCodePoint(0xe0041, 0xe0042, 0xe007f);
    // JavaScript's trim() already removes a lone BOM, so that name is "empty"; either way it is refused.
    expect(await invalid({ displayName: "\ufeff" })).toEqual({ field: "displayName", problem: "empty" });
    for (const blank of ["\u200b", "\u200d", "\u3164", "\ufe0f", "\ufeff\u200b", tags, "\u200b\u3164\ufeff", "\u2800", "\u00a0\u200b"]) {
      expect(await invalid({ displayName: blank }), JSON.stringify(blank)).toEqual({ field: "displayName", problem: "invisible" });
    }
    expect(await invalid({ displayName: `Z${"\u0301".repeat(300)}` })).toEqual({ field: "displayName", problem: "too_many_marks", limit: 8 });
    expect(await invalid({ displayName: `q${"\u0333\u200d".repeat(9)}` })).toMatchObject({ problem: "too_many_marks" });
    expect((await expectOk(signToken(claims({ displayName: `q${"\u0333".repeat(8)}` })))).claims.displayName).toBe(`q${"\u0333".repeat(8)}`);
    // Real names keep working: Vietnamese stacks two marks, Devanagari conjuncts, emoji sequences with ZWJ and VS16.
    for (const name of ["Nguyễn Thị Ánh", "Nguye\u0302\u0303n", "अनुष्का", "Ἀλέξανδρος", "👩🏽‍💻 Dev", "❤️ Fan", "Zoe\u0301"]) {
      expect((await expectOk(signToken(claims({ displayName: name })))).claims.displayName, name).toBe(name.normalize("NFC"));
    }
  });

  it("email: optional (the doc's own example sends an empty one), valid-ish and capped", async () => {
    for (const email of [undefined, null, ""]) expect((await expectOk(signToken(claims({ email })))).claims.email).toBeNull();
    expect(await invalid({ email: "larry" })).toEqual({ field: "email", problem: "not_an_email" });
    expect(await invalid({ email: "larry @example.com" })).toMatchObject({ problem: "not_an_email" });
    expect(await invalid({ email: ["larry@example.com"] })).toEqual({ field: "email", problem: "wrong_type" });
    expect(await invalid({ email: `${"l".repeat(250)}@example.com` })).toMatchObject({ problem: "too_long" });
  });

  it("avatarUrl: https only, no credentials", async () => {
    expect((await expectOk(signToken(claims({ avatarUrl: "https://cdn.example.com/larry.png" })))).claims.avatarUrl).toBe("https://cdn.example.com/larry.png");
    expect(await invalid({ avatarUrl: "http://cdn.example.com/larry.png" })).toEqual({ field: "avatarUrl", problem: "not_https" });
    expect(await invalid({ avatarUrl: "javascript:alert(1)" })).toEqual({ field: "avatarUrl", problem: "not_https" });
    expect(await invalid({ avatarUrl: "data:image/png;base64,AAAA" })).toEqual({ field: "avatarUrl", problem: "not_https" });
    expect(await invalid({ avatarUrl: "https://user:pw@cdn.example.com/a.png" })).toEqual({ field: "avatarUrl", problem: "not_a_url" });
    expect(await invalid({ avatarUrl: "larry.png" })).toEqual({ field: "avatarUrl", problem: "not_a_url" });
    expect(await invalid({ avatarUrl: `https://cdn.example.com/${"a".repeat(2100)}` })).toMatchObject({ problem: "too_long" });
  });

  it("userProfile: [string, string] pairs, at most 50, capped lengths; first of a repeated key wins", async () => {
    expect(await invalid({ userProfile: { organization: "x" } })).toEqual({ field: "userProfile", problem: "not_a_pair" });
    expect(await invalid({ userProfile: [["organization", "x", "y"]] })).toEqual({ field: "userProfile[0]", problem: "not_a_pair" });
    expect(await invalid({ userProfile: [["title", "x"], ["organization", 5]] })).toEqual({ field: "userProfile[1][1]", problem: "wrong_type" });
    expect(await invalid({ userProfile: [[" ", "x"]] })).toEqual({ field: "userProfile[0][0]", problem: "empty" });
    expect(await invalid({ userProfile: [["k".repeat(65), "x"]] })).toEqual({ field: "userProfile[0][0]", problem: "too_long", limit: 64 });
    expect(await invalid({ userProfile: [["bio", "v".repeat(501)]] })).toEqual({ field: "userProfile[0][1]", problem: "too_long", limit: 500 });
    expect(await invalid({ userProfile: [["bio", "a\u202eb"]] })).toMatchObject({ problem: "control_characters" });
    const fifty = Array.from({ length: 50 }, (_, i) => [`f${i}`, "v"]);
    expect((await expectOk(signToken(claims({ userProfile: fifty })))).claims.userProfile).toHaveLength(50);
    expect(await invalid({ userProfile: [...fifty, ["f50", "v"]] })).toEqual({ field: "userProfile", problem: "too_many", limit: 50 });
    const repeated = await expectOk(signToken(claims({ userProfile: [["title", "Producer"], ["title", "Writer"]] })));
    expect(repeated.claims.userProfile).toEqual([["title", "Producer"]]);
    expect(repeated.notes.map((n) => n.code)).toEqual(["duplicate_profile_key"]);
  });

  it("roles: only host, presenter, transcriber and interpreter", async () => {
    expect(await invalid({ roles: ["host", "admin"] })).toEqual({ field: "roles", problem: "unknown_role", value: "admin" });
    expect(await invalid({ roles: ["Host"] })).toMatchObject({ problem: "unknown_role" });
    expect(await invalid({ roles: "host" })).toEqual({ field: "roles", problem: "wrong_type" });
    expect(await invalid({ roles: [1] })).toEqual({ field: "roles", problem: "wrong_type" });
    expect((await expectOk(signToken(claims({ roles: ["host", "presenter"] })))).claims.roles).toEqual(["host", "presenter"]);
  });

  it("roles: transcriber and interpreter need the feature enabled; without it the attendee gets in without the role", async () => {
    const token = signToken(claims({ roles: ["presenter", "transcriber", "interpreter"] }));
    const off = await expectOk(token, context({ features: { transcription: false, interpretation: false } }));
    expect(off.claims.roles).toEqual(["presenter"]);
    expect(off.notes.map((n) => n.code)).toEqual(["role_not_enabled", "role_not_enabled"]);
    expect(off.notes[0]!.message).toContain("transcriber");
    const half = await expectOk(token, context({ features: { transcription: true, interpretation: false } }));
    expect(half.claims.roles).toEqual(["presenter", "transcriber"]);
    expect(half.notes[0]!.message).toContain("interpreter");
    const on = await expectOk(token, context({ features: { transcription: true, interpretation: true } }));
    expect(on.claims.roles).toEqual(["presenter", "transcriber", "interpreter"]);
    expect(on.notes).toEqual([]);
  });

  it("jti: a non-empty string when present", async () => {
    expect(await invalid({ jti: 12 })).toEqual({ field: "jti", problem: "wrong_type" });
    expect(await invalid({ jti: "" })).toEqual({ field: "jti", problem: "empty" });
  });
});

describe("outcome priority and robustness", () => {
  it("reports the signature before the claims, and time before claim contents", async () => {
    const expiredAndTampered = withPayload(signToken(claims()), claims({ exp: NOW_S - 1000, displayName: "" }));
    expect(failure(await verify(expiredAndTampered)).reason).toBe("bad_signature");
    expect(failure(await verify(signToken(claims({ exp: NOW_S - 1000, displayName: "" }))))).toMatchObject({ reason: "expired" });
  });

  it("never throws and never accepts a token with any single character changed", async () => {
    const token = signToken(claims());
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const position = Math.floor(random() * token.length);
      const replacement = alphabet[Math.floor(random() * alphabet.length)]!;
      const mutated = token.slice(0, position) + replacement + token.slice(position + 1);
      if (mutated === token) continue;
      const result = await verify(mutated);
      expect(result.ok, `mutation at ${position}`).toBe(false);
    }
    const raw = sign("sha256", Buffer.from("x"), keyPair("a").privateKey);
    for (const junk of ["...", "a.b.c", `${b64url("{}")}.${b64url("{}")}.${b64url(raw)}`, "\u0000.\u0000.\u0000", { toString: () => "x" }]) {
      await expect(verify(junk)).resolves.toMatchObject({ ok: false });
    }
  });
});
