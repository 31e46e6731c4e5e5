/**
 * Why a pasted or uploaded key is refused, and what to do instead. Browser-safe (no node:crypto):
 * the paste dialog runs `precheckKeyText` before sending, so a private key pasted by mistake never
 * leaves the admin's browser; the server runs the full parse and is the authority.
 */
export const MAX_KEY_INPUT_BYTES = 16 * 1024;
export const MIN_RSA_BITS = 2048;
export const MAX_RSA_BITS = 4096;
export const REQUIRED_PUBLIC_EXPONENT = 65537;

/** The doc's file names: its ssh-keygen writes the private key to frameable.key, its openssl the public key to frameable.pub.pem. */
export const DOC_PRIVATE_KEY_FILE = "frameable.key";
export const DOC_PUBLIC_KEY_FILE = "frameable.pub.pem";

/** The doc's own commands: make a pair, then write its public half as SPKI PEM. */
export const DOC_KEYGEN_COMMAND = `ssh-keygen -b 2048 -m PEM -t rsa -f ${DOC_PRIVATE_KEY_FILE} -q -N ""`;
export const DOC_PUBOUT_COMMAND = `openssl rsa -in ${DOC_PRIVATE_KEY_FILE} -pubout -outform PEM -out ${DOC_PUBLIC_KEY_FILE}`;
export const CERT_PUBKEY_COMMAND = "openssl x509 -in certificate.pem -pubkey -noout > public.pem";

export const KEY_REFUSAL_REASONS = [
  "empty",
  "too_long",
  "private_key",
  "certificate",
  "not_rsa",
  "too_small",
  "too_large",
  "bad_exponent",
  "multiple_keys",
  "wrong_use",
  "degenerate",
  "unrecognized",
  "duplicate",
  "duplicate_kid",
] as const;
export type KeyRefusalReason = (typeof KEY_REFUSAL_REASONS)[number];

export interface KeyRefusal {
  reason: KeyRefusalReason;
  /** A short headline for the alert. */
  title: string;
  /** What is wrong and what to do instead. */
  message: string;
  /** A command that fixes it, shown as copyable code. */
  command?: string;
}

export const REFUSAL_TITLES: Record<KeyRefusalReason, string> = {
  empty: "Nothing to add",
  too_long: "Too long for a public key",
  private_key: "That is a PRIVATE key: refused",
  certificate: "This is a certificate, not a public key",
  not_rsa: "Not an RSA key",
  too_small: "Key too small",
  too_large: "Key too large",
  bad_exponent: "Unsafe public exponent",
  multiple_keys: "More than one key",
  wrong_use: "Key meant for another algorithm",
  degenerate: "Not a valid RSA key",
  unrecognized: "Not a public key we recognise",
  duplicate: "Already on this event",
  duplicate_kid: "Another key already has this kid",
};

const ACCEPTED =
  "Paste the public key file from `" +
  DOC_PUBOUT_COMMAND +
  "` (BEGIN PUBLIC KEY), a BEGIN RSA PUBLIC KEY block, the ssh-rsa line from frameable.key.pub, or a JWK.";

function refusal(reason: KeyRefusalReason, message: string, command?: string): KeyRefusal {
  return { reason, title: REFUSAL_TITLES[reason], message, command };
}

export const refusals = {
  empty: () => refusal("empty", `Nothing was pasted. ${ACCEPTED}`),
  tooLong: (bytes: number) =>
    refusal(
      "too_long",
      `This is ${(bytes / 1024).toFixed(1)} KB; a public key is under 2 KB and at most 16 KB is accepted. Paste only the public key: from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----, or the single ssh-rsa line.`,
    ),
  privateKey: (kind: string, where: "server" | "browser" = "server") =>
    refusal(
      "private_key",
      `You pasted a private key (${kind}). It was NOT stored${where === "browser" ? " (it never left this browser)" : ""}. Treat it as exposed: anyone who has it can sign tokens that log in as any attendee. ` +
        "Make a new key pair (Generate here, or the doc's ssh-keygen command), keep its private key on your own servers, and paste only the public key. " +
        "This command writes the public key of frameable.key:",
      DOC_PUBOUT_COMMAND,
    ),
  certificate: (kind: string) =>
    refusal(
      "certificate",
      `This is ${kind}, not a public key. Event tokens are verified against a bare public key. If the certificate holds your signing key's public key, extract it:`,
      CERT_PUBKEY_COMMAND,
    ),
  notRsa: (kind: string) =>
    refusal(
      "not_rsa",
      `This is ${kind}. Event tokens are signed with RS256, which needs an RSA key of 2048 to 4096 bits. Make one here with Generate, or with the doc's command:`,
      DOC_KEYGEN_COMMAND,
    ),
  tooSmall: (bits: number) =>
    refusal(
      "too_small",
      `This RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required (shorter keys can be broken, and JWT libraries refuse them). Make a 2048-bit or larger key:`,
      DOC_KEYGEN_COMMAND,
    ),
  tooLarge: (bits: number) =>
    refusal(
      "too_large",
      `This RSA key has ${bits} bits; at most ${MAX_RSA_BITS} are accepted (larger keys slow down every attendee's sign-in and signing on your servers). Use 2048, 3072 or 4096 bits:`,
      DOC_KEYGEN_COMMAND,
    ),
  badExponent: (exponent: string) =>
    refusal(
      "bad_exponent",
      `This RSA key's public exponent is ${exponent}; only 65537 is accepted. Small exponents allow forged signatures (with e = 1 any signature "verifies"). ssh-keygen, openssl and this dashboard all make keys with 65537:`,
      DOC_KEYGEN_COMMAND,
    ),
  multiplePemBlocks: (count: number) =>
    refusal(
      "multiple_keys",
      `This contains ${count} PEM blocks. Paste exactly one public key, from its -----BEGIN----- line to its -----END----- line. To rotate, add each key separately.`,
    ),
  multipleKeys: (count: number, container: string) =>
    refusal("multiple_keys", `This ${container} holds ${count} keys. Paste exactly one public key; to rotate, add each key separately.`),
  emptyKeySet: () => refusal("multiple_keys", "This key set (JWKS) holds no keys. Paste a JWKS with exactly one key, or the key itself."),
  wrongUse: (detail: string) =>
    refusal(
      "wrong_use",
      `This JWK is meant for ${detail}. Event tokens are RS256 signatures: paste a key whose alg is RS256 (or absent) and whose use is sig (or absent).`,
    ),
  evenModulus: () =>
    refusal(
      "degenerate",
      "This key's modulus is an even number, which no real RSA key has (its modulus is the product of two large odd primes): the key is damaged or forged. Copy the key again from where your platform publishes it, or make a new pair:",
      DOC_KEYGEN_COMMAND,
    ),
  exponentLeadingZero: () =>
    refusal(
      "degenerate",
      'This JWK\'s exponent "e" starts with zero bytes, which RFC 7518 forbids (65537 is "AQAB"). Some libraries read such a key differently from others, so it is refused. Export the key again with a standard JWK library.',
    ),
  badHostKid: (detail: string) => refusal("unrecognized", `The JWK's "kid" ${detail}. Tokens carry the kid in their header: use 1 to 128 printable characters, or leave "kid" out.`),
  unrecognized: (detail: string) => refusal("unrecognized", `${detail} ${ACCEPTED}`),
};

export type PrivateKeyMarker = { kind: string };

const PRIVATE_PEM_LABEL = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |ANY )?PRIVATE KEY)-----/;
const SSH2_PRIVATE = /----\s*BEGIN SSH2 ENCRYPTED PRIVATE KEY\s*----/;
const JWK_PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

function jsonPrivateMembers(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const keys: unknown[] =
    value && typeof value === "object" && Array.isArray((value as { keys?: unknown }).keys) ? (value as { keys: unknown[] }).keys : [value];
  for (const key of keys) {
    if (!key || typeof key !== "object") continue;
    const found = JWK_PRIVATE_MEMBERS.filter((m) => m in (key as Record<string, unknown>));
    if (found.length > 0) {
      return found.includes("k") ? "a JWK holding a shared secret (\"k\")" : `a private JWK (it has ${found.map((m) => `"${m}"`).join(", ")})`;
    }
  }
  return null;
}

/** Private key material recognisable from the text alone (PEM labels, PuTTY files, private JWK members). */
export function findPrivateKeyMarker(text: string): PrivateKeyMarker | null {
  const pem = PRIVATE_PEM_LABEL.exec(text);
  if (pem) return { kind: `-----BEGIN ${pem[1]}-----` };
  if (/PuTTY-User-Key-File-\d+:/.test(text)) return { kind: "a PuTTY .ppk private key file" };
  if (SSH2_PRIVATE.test(text)) return { kind: "an SSH2 private key" };
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const jwk = jsonPrivateMembers(trimmed);
    if (jwk) return { kind: jwk };
  }
  return null;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * What the browser can tell before sending: a private key (so it is never sent), an empty or
 * over-long input. Everything else is decided by the server's parse.
 */
export function precheckKeyText(text: string): KeyRefusal | null {
  const bytes = utf8Length(text);
  if (bytes > MAX_KEY_INPUT_BYTES) return refusals.tooLong(bytes);
  const marker = findPrivateKeyMarker(text);
  if (marker) return refusals.privateKey(marker.kind, "browser");
  if (text.trim() === "") return refusals.empty();
  return null;
}
