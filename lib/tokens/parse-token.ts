import type { Result } from "@/lib/result";
import { findDuplicateKey } from "./json-duplicate-keys";
import type { ReasonDetails, TokenSegment } from "./reasons";

/** A token longer than this is refused before anything is decoded (URLs rarely carry more than 8 KB anyway). */
export const MAX_TOKEN_LENGTH = 8192;
/** RFC 7638 thumbprints are 43 characters; anything much longer is not one of ours. */
export const MAX_KID_LENGTH = 128;
/** Header parameters that point at keys elsewhere (or demand extensions): never followed, so refused outright. */
export const FORBIDDEN_HEADER_PARAMS = ["jku", "x5u", "jwk", "x5c", "crit"] as const;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export interface ParsedJws {
  header: Record<string, unknown>;
  payloadBytes: Uint8Array;
  signature: Uint8Array;
}

export type Malformed = ReasonDetails["malformed"];
export type ParseOutcome<T> = Result<{ value: T }, Malformed>;

/**
 * Canonical base64url only: no padding, whitespace or foreign characters, and no non-zero trailing
 * bits (which would let several strings decode to the same bytes). Node's decoder ignores all of that.
 */
export function decodeBase64url(segment: string): Uint8Array | null {
  if (!BASE64URL.test(segment)) return null;
  const tail = segment.length % 4;
  if (tail === 1) return null;
  if (tail !== 0) {
    // The last character of a 2- or 3-character tail carries 4 or 2 bits that must be zero.
    const last = BASE64URL_ALPHABET.indexOf(segment[segment.length - 1]!);
    if ((last & (tail === 2 ? 0x0f : 0x03)) !== 0) return null;
  }
  return Buffer.from(segment, "base64url");
}

/** A JSON object, decoded strictly (UTF-8, no duplicate keys). */
export function decodeJsonObject(bytes: Uint8Array, segment: TokenSegment): ParseOutcome<Record<string, unknown>> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, error: { problem: "not_utf8", segment } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: { problem: "not_json", segment } };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, error: { problem: "not_an_object", segment } };
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) return { ok: false, error: { problem: "duplicate_key", segment, name: duplicate.slice(0, 64) } };
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Splits a compact JWS and decodes its header; the payload stays bytes (a JWT's payload is checked
 * by the caller). Refuses, before any crypto: non-strings, over-long tokens, anything but three
 * canonical base64url segments, headers that are not JSON objects, and headers that name keys
 * elsewhere (jku, x5u, jwk, x5c) or critical extensions (crit).
 */
export function parseCompactJws(token: unknown): ParseOutcome<ParsedJws> {
  if (typeof token !== "string") return { ok: false, error: { problem: "not_a_string" } };
  if (token.length === 0) return { ok: false, error: { problem: "empty" } };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, error: { problem: "too_long", limit: MAX_TOKEN_LENGTH } };
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, error: { problem: "segment_count" } };
  const [headerText, payloadText, signatureText] = parts as [string, string, string];
  if (headerText === "") return { ok: false, error: { problem: "empty_segment", segment: "header" } };
  if (signatureText === "") return { ok: false, error: { problem: "empty_segment", segment: "signature" } };

  const headerBytes = decodeBase64url(headerText);
  if (!headerBytes) return { ok: false, error: { problem: "not_base64url", segment: "header" } };
  const payloadBytes = decodeBase64url(payloadText);
  if (!payloadBytes) return { ok: false, error: { problem: "not_base64url", segment: "payload" } };
  const signature = decodeBase64url(signatureText);
  if (!signature) return { ok: false, error: { problem: "not_base64url", segment: "signature" } };

  const header = decodeJsonObject(headerBytes, "header");
  if (!header.ok) return header;
  for (const name of FORBIDDEN_HEADER_PARAMS) {
    if (Object.hasOwn(header.value, name)) return { ok: false, error: { problem: "forbidden_header", segment: "header", name } };
  }
  const kid = header.value.kid;
  if (kid !== undefined && (typeof kid !== "string" || kid.length === 0 || kid.length > MAX_KID_LENGTH)) {
    return { ok: false, error: { problem: "kid_invalid", segment: "header", limit: MAX_KID_LENGTH } };
  }
  return { ok: true, value: { header: header.value, payloadBytes, signature } };
}
