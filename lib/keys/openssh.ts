import { KeyRefusedError } from "./errors";
import { refusals } from "./refusals";

/**
 * The OpenSSH public key line (`ssh-rsa AAAA… comment`, what `ssh-keygen` writes to frameable.key.pub):
 * RFC 4253 wire format, a string "ssh-rsa" then mpint e then mpint n.
 */
const KEY_TYPE = /^(ssh-rsa|ssh-dss|ssh-ed25519|ssh-ed448|ecdsa-sha2-nistp\d+|sk-[a-z0-9-]+@openssh\.com|[a-z0-9-]+-cert-v01@openssh\.com)$/;
const LINE = /(?:^|\s)((?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+)\s+([A-Za-z0-9+/]+={0,2})(?:\s+(.*))?$/;

export function looksLikeOpenSshLine(text: string): boolean {
  return /^(?:\S+\s+)?(?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+\s+AAAA/.test(text);
}

function readString(blob: Buffer, offset: number): { value: Buffer; next: number } {
  if (offset + 4 > blob.length) throw new Error("truncated");
  const length = blob.readUInt32BE(offset);
  const start = offset + 4;
  if (start + length > blob.length) throw new Error("truncated");
  return { value: blob.subarray(start, start + length), next: start + length };
}

function unsignedBase64url(mpint: Buffer): string {
  if (mpint.length === 0 || (mpint[0]! & 0x80) !== 0) throw new Error("negative or empty mpint");
  let start = 0;
  while (start < mpint.length - 1 && mpint[start] === 0) start++;
  return mpint.subarray(start).toString("base64url");
}

const NON_RSA_NAMES: Array<[RegExp, string]> = [
  [/^ssh-ed25519$|^sk-ssh-ed25519/, "an Ed25519 SSH key"],
  [/^ecdsa-|^sk-ecdsa-/, "an ECDSA SSH key"],
  [/^ssh-dss$/, "a DSA SSH key"],
];

/** The RSA public key of an OpenSSH line as JWK members, or a refusal. */
export function parseOpenSshLine(text: string): { n: string; e: string; comment: string | null } {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  if (lines.length > 1) throw new KeyRefusedError(refusals.multipleKeys(lines.length, "text (one key per line)"));
  const match = LINE.exec(lines[0] ?? "");
  if (!match) throw new KeyRefusedError(refusals.unrecognized("This looks like an SSH public key line, but it is damaged."));
  const [, type, base64, comment] = match as unknown as [string, string, string, string | undefined];
  if (!KEY_TYPE.test(type)) throw new KeyRefusedError(refusals.unrecognized(`"${type.slice(0, 40)}" is not an SSH key type we know.`));
  if (type.endsWith("-cert-v01@openssh.com")) throw new KeyRefusedError(refusals.certificate("an OpenSSH certificate"));
  const nonRsa = NON_RSA_NAMES.find(([pattern]) => pattern.test(type));
  if (nonRsa) throw new KeyRefusedError(refusals.notRsa(nonRsa[1]));
  try {
    const blob = Buffer.from(base64, "base64");
    const name = readString(blob, 0);
    if (name.value.toString("latin1") !== "ssh-rsa") throw new Error("type mismatch");
    const e = readString(blob, name.next);
    const n = readString(blob, e.next);
    if (n.next !== blob.length) throw new Error("trailing data");
    return { e: unsignedBase64url(e.value), n: unsignedBase64url(n.value), comment: comment?.trim() || null };
  } catch {
    throw new KeyRefusedError(refusals.unrecognized("This ssh-rsa line is damaged (its base64 part does not hold an RSA key); copy the whole line again."));
  }
}
