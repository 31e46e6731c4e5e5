import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { isPkcs1PublicKeyDer } from "./der";
import { KeyRefusedError } from "./errors";
import { identityOf, type KeyIdentity } from "./identity";
import { looksLikeOpenSshLine, parseOpenSshLine } from "./openssh";
import { findPrivateKeyMarker, MAX_KEY_INPUT_BYTES, refusals, utf8Length, type KeyRefusal } from "./refusals";
import { assertRsaPolicy } from "./rsa-policy";
import { MAX_KID_LENGTH } from "@/lib/tokens/parse-token";

export type PublicKeyFormat = "spki" | "pkcs1" | "openssh" | "jwk" | "jwks";

export interface ParsedPublicKey extends KeyIdentity {
  /** Which of the accepted formats the input was in. */
  format: PublicKeyFormat;
  /** The SSH line's comment or the JWK's own kid, if any (a label suggestion). */
  comment: string | null;
  /**
   * The kid the host's JWK carries (Auth0, Okta, a KMS…), kept beside the thumbprint because the host's
   * tokens name the key by it. Null when the JWK has none, or when it is the thumbprint itself.
   */
  hostKid: string | null;
}

function refuse(refusal: KeyRefusal): never {
  throw new KeyRefusedError(refusal);
}

/**
 * A pasted or uploaded public key, in any format the doc's commands produce (SPKI PEM, PKCS#1 PEM,
 * the ssh-rsa line) or a JWK / one-key JWKS, held to the RSA policy and reduced to its identity.
 * Everything else is refused with a KeyRefusedError whose reason says why and what to do instead.
 */
export async function parsePublicKey(input: string): Promise<ParsedPublicKey> {
  if (typeof input !== "string") refuse(refusals.unrecognized("Expected the key as text."));
  const bytes = utf8Length(input);
  if (bytes > MAX_KEY_INPUT_BYTES) refuse(refusals.tooLong(bytes));
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").trim();
  if (text === "") refuse(refusals.empty());
  const marker = findPrivateKeyMarker(text);
  if (marker) refuse(refusals.privateKey(marker.kind));

  let parsed: { key: KeyObject; format: PublicKeyFormat; comment: string | null; hostKid?: string | null };
  if (text.includes("-----BEGIN ")) parsed = parsePem(text);
  else if (text.startsWith("{") || text.startsWith("[")) parsed = parseJson(text);
  else if (/^----\s*BEGIN SSH2 PUBLIC KEY\s*----/.test(text)) {
    return refuse(
      refusals.unrecognized("This is an SSH2 (RFC 4716) public key. Convert it to the ssh-rsa line with `ssh-keygen -i -f key.pub` and paste that."),
    );
  } else if (looksLikeOpenSshLine(text)) {
    const { n, e, comment } = parseOpenSshLine(text);
    parsed = { key: importJwk(n, e), format: "openssh", comment };
  } else parsed = refuseBareText(text);

  const { bits } = assertRsaPolicy(parsed.key);
  const identity = await identityOf(parsed.key, bits);
  const hostKid = parsed.hostKid && parsed.hostKid !== identity.kid ? parsed.hostKid : null;
  return { ...identity, format: parsed.format, comment: parsed.comment, hostKid };
}

/** A JWK's own kid: absent → null; otherwise one a token's kid header can carry (the verifier's 1–MAX_KID_LENGTH characters), printable only. */
function readHostKid(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return refuse(refusals.badHostKid("is not a string"));
  if (value.length === 0) return refuse(refusals.badHostKid("is empty"));
  if (value.length > MAX_KID_LENGTH) return refuse(refusals.badHostKid(`is ${value.length} characters long`));
  if (/[\u0000-\u001f\u007f]/.test(value)) return refuse(refusals.badHostKid("contains control characters"));
  return value;
}

/**
 * One JWK object (already out of its JWKS), held to everything a pasted JWK is: RSA, RS256/sig, public
 * members only, canonical base64url, e without leading zero bytes, a usable kid. Used for pastes and for
 * each key of a followed JWKS URL.
 */
export function importRsaJwk(value: unknown): { key: KeyObject; hostKid: string | null } {
  if (!value || typeof value !== "object" || Array.isArray(value)) return refuse(refusals.unrecognized("This JSON is not a JWK object."));
  const jwk = value as Record<string, unknown>;
  if (["d", "p", "q", "dp", "dq", "qi", "oth", "k"].some((m) => m in jwk)) refuse(refusals.privateKey("a private JWK"));
  const kty = jwk.kty;
  if (typeof kty !== "string") refuse(refusals.unrecognized('This JSON has no "kty" member, so it is not a JWK.'));
  if (kty === "EC") refuse(refusals.notRsa(`an elliptic-curve JWK (${String(jwk.crv ?? "EC")})`));
  if (kty === "OKP") refuse(refusals.notRsa(`an ${String(jwk.crv ?? "OKP")} JWK`));
  if (kty !== "RSA") refuse(refusals.notRsa(`a JWK of type "${String(kty).slice(0, 20)}"`));
  if (jwk.alg !== undefined && jwk.alg !== "RS256") refuse(refusals.wrongUse(`the algorithm ${String(jwk.alg).slice(0, 20)}`));
  if (jwk.use !== undefined && jwk.use !== "sig") refuse(refusals.wrongUse(`use "${String(jwk.use).slice(0, 20)}" (encryption)`));
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes("verify"))) {
    refuse(refusals.wrongUse(`the operations ${JSON.stringify(jwk.key_ops).slice(0, 60)} (not "verify")`));
  }
  const { n, e } = jwk;
  if (typeof n !== "string" || typeof e !== "string" || !BASE64URL.test(n) || !BASE64URL.test(e)) {
    refuse(refusals.unrecognized('The JWK\'s "n" and "e" must be base64url strings.'));
  }
  // RFC 7518 §6.3.1.2: e is the minimal big-endian encoding. "AAEAAQ" (0x00010001) must not pass as 65537.
  if (Buffer.from(e as string, "base64url")[0] === 0) refuse(refusals.exponentLeadingZero());
  const hostKid = readHostKid(jwk.kid);
  return { key: importJwk(n as string, e as string), hostKid };
}

const CERTIFICATE_LABELS: Record<string, string> = {
  CERTIFICATE: "an X.509 certificate",
  "X509 CERTIFICATE": "an X.509 certificate",
  "TRUSTED CERTIFICATE": "an X.509 certificate",
  "CERTIFICATE REQUEST": "a certificate signing request (CSR)",
  "NEW CERTIFICATE REQUEST": "a certificate signing request (CSR)",
  PKCS7: "a PKCS#7 certificate bundle",
};

const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

function parsePem(text: string): { key: KeyObject; format: PublicKeyFormat; comment: null } {
  const labels = [...text.matchAll(PEM_BEGIN)].map((m) => m[1]!);
  const certificate = labels.find((label) => CERTIFICATE_LABELS[label]);
  if (certificate) refuse(refusals.certificate(CERTIFICATE_LABELS[certificate]!));
  if (labels.length > 1) refuse(refusals.multiplePemBlocks(labels.length));
  if (labels.length === 0) refuse(refusals.unrecognized("The -----BEGIN line is damaged."));
  const label = labels[0]!;
  const block = new RegExp(`-----BEGIN ${label}-----\\n?([\\s\\S]*?)-----END ${label}-----`).exec(text);
  if (!block) refuse(refusals.unrecognized(`The block has no matching "-----END ${label}-----" line; copy the whole block.`));
  const outside = (text.slice(0, block.index) + text.slice(block.index + block[0].length)).trim();
  if (outside !== "") refuse(refusals.unrecognized("There is text before or after the key block. Paste only from its -----BEGIN line to its -----END line."));
  if (label !== "PUBLIC KEY" && label !== "RSA PUBLIC KEY") refuse(refusals.unrecognized(`A PEM block labelled "${label}" is not a public key.`));

  const body = block[1]!.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) refuse(refusals.unrecognized("The key block's content is damaged (it is not base64); copy the whole block again."));
  const der = Buffer.from(body, "base64");
  if (label === "RSA PUBLIC KEY") {
    if (!isPkcs1PublicKeyDer(der)) refuseDamagedOrPrivate(der, "PKCS#1 block");
    try {
      return { key: createPublicKey({ key: der, format: "der", type: "pkcs1" }), format: "pkcs1", comment: null };
    } catch {
      return refuse(refusals.unrecognized("The PKCS#1 block is damaged (its content is not a valid key); copy the whole block again."));
    }
  }
  try {
    return { key: createPublicKey({ key: der, format: "der", type: "spki" }), format: "spki", comment: null };
  } catch {
    return refuseDamagedOrPrivate(der, "public key block");
  }
}

/** DER that is not the public key it claims to be: a private key in disguise, or damage. */
function refuseDamagedOrPrivate(der: Buffer, what: string): never {
  const kind = privateKeyDerKind(der);
  if (kind) refuse(refusals.privateKey(kind));
  return refuse(refusals.unrecognized(`The ${what} is damaged (its content is not a valid key); copy the whole block again.`));
}

function privateKeyDerKind(der: Buffer): string | null {
  const attempts: Array<["pkcs1" | "pkcs8" | "sec1", string]> = [
    ["pkcs1", "an RSA private key"],
    ["pkcs8", "a PKCS#8 private key"],
    ["sec1", "an EC private key"],
  ];
  for (const [type, kind] of attempts) {
    try {
      createPrivateKey({ key: der, format: "der", type });
      return kind;
    } catch {
      // not this kind
    }
  }
  return null;
}

/** Base64 without PEM lines, or anything else. A private key's bare DER is still recognised as one. */
function refuseBareText(text: string): never {
  const compact = text.replace(/\s+/g, "");
  if (compact.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const der = Buffer.from(compact, "base64");
    const kind = privateKeyDerKind(der);
    if (kind) refuse(refusals.privateKey(`${kind}, without its BEGIN/END lines`));
    refuse(
      refusals.unrecognized(
        "This looks like the inside of a PEM block without its -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- lines; paste the whole file.",
      ),
    );
  }
  return refuse(refusals.unrecognized("This is not a key."));
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function importJwk(n: string, e: string): KeyObject {
  try {
    return createPublicKey({ key: { kty: "RSA", n, e }, format: "jwk" });
  } catch {
    return refuse(refusals.unrecognized("The key's modulus or exponent is not valid."));
  }
}

function parseJson(text: string): { key: KeyObject; format: PublicKeyFormat; comment: string | null; hostKid: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(refusals.unrecognized("This starts like JSON but is not valid JSON; copy the whole JWK again."));
  }
  let format: PublicKeyFormat = "jwk";
  if (Array.isArray(value)) refuse(refusals.unrecognized("This is a JSON array; a JWK is an object such as {\"kty\":\"RSA\",\"n\":\"…\",\"e\":\"AQAB\"}."));
  if (value && typeof value === "object" && "keys" in value) {
    const keys = (value as { keys: unknown }).keys;
    if (!Array.isArray(keys)) refuse(refusals.unrecognized('The key set\'s "keys" member is not a list.'));
    const list = keys as unknown[];
    if (list.length === 0) refuse(refusals.emptyKeySet());
    if (list.length > 1) refuse(refusals.multipleKeys(list.length, "key set (JWKS)"));
    value = list[0];
    format = "jwks";
  }
  const { key, hostKid } = importRsaJwk(value);
  return { key, format, comment: hostKid ? hostKid.slice(0, 100) : null, hostKid };
}
