import { createHash } from "node:crypto";

/**
 * What IssuedLink.tokenHash keeps instead of the token: its SHA-256, hex. The browser computes the
 * same with WebCrypto (sha256Hex in browser-signing.ts) for links it signs itself.
 */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
