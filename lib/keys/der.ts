/**
 * Just enough DER to tell a PKCS#1 RSAPublicKey (SEQUENCE of 2 INTEGERs) from an RSAPrivateKey
 * (SEQUENCE of 9+ INTEGERs): Node's createPublicKey accepts both as `type: "pkcs1"` and silently
 * derives the public key from the private one.
 */
function readLength(der: Uint8Array, offset: number): { length: number; next: number } | null {
  const first = der[offset];
  if (first === undefined) return null;
  if (first < 0x80) return { length: first, next: offset + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 4 || offset + 1 + count > der.length) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[offset + 1 + i]!;
  return { length, next: offset + 1 + count };
}

/** Tags of the top-level SEQUENCE's children, or null when the bytes are not one DER SEQUENCE. */
export function sequenceChildTags(der: Uint8Array): number[] | null {
  if (der[0] !== 0x30) return null;
  const outer = readLength(der, 1);
  if (!outer || outer.next + outer.length !== der.length) return null;
  const tags: number[] = [];
  let offset = outer.next;
  while (offset < der.length) {
    const tag = der[offset]!;
    const len = readLength(der, offset + 1);
    if (!len || len.next + len.length > der.length) return null;
    tags.push(tag);
    offset = len.next + len.length;
  }
  return tags;
}

const INTEGER = 0x02;

export function isPkcs1PublicKeyDer(der: Uint8Array): boolean {
  const tags = sequenceChildTags(der);
  return tags !== null && tags.length === 2 && tags.every((t) => t === INTEGER);
}
