import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findDuplicateKey } from "./json-duplicate-keys";
import { decodeBase64url } from "./parse-token";

describe("canonical base64url", () => {
  it("accepts exactly the strings that Node's encoder would produce for their bytes", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let n = 0; n < 5000; n++) {
      let text = "";
      for (const byte of randomBytes(n % 9)) text += alphabet[byte & 63];
      const canonical = text.length % 4 !== 1 && Buffer.from(text, "base64url").toString("base64url") === text;
      expect(decodeBase64url(text) !== null, text).toBe(canonical);
    }
    for (const text of ["QQ==", "QQ=", "Q Q", "QQ\n", "+/8", "QR"]) expect(decodeBase64url(text), text).toBeNull();
    expect(Buffer.from(decodeBase64url("QQ")!).toString()).toBe("A");
  });
});

describe("duplicate JSON keys", () => {
  it("finds a repeated key in the same object only", () => {
    expect(findDuplicateKey('{"a":1,"b":2,"a":3}')).toBe("a");
    expect(findDuplicateKey('{"a":1,"\\u0061":2}')).toBe("a");
    expect(findDuplicateKey('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}')).toBeNull();
    expect(findDuplicateKey('{"a":"\\"a\\":","b":"a"}')).toBeNull();
    expect(findDuplicateKey('{"x":[1,{"k":1,"k":2}]}')).toBe("k");
    expect(findDuplicateKey('{"x":{"y":1},"x":2}')).toBe("x");
    expect(findDuplicateKey('["a","a"]')).toBeNull();
  });
});
