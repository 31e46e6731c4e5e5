import { generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors";
import { identityOf, type KeyIdentity } from "./identity";
import { REQUIRED_PUBLIC_EXPONENT } from "./refusals";
import { assertRsaPolicy } from "./rsa-policy";

export const KEY_SIZES = [2048, 3072, 4096] as const;
export type KeySize = (typeof KEY_SIZES)[number];
export const PRIVATE_KEY_FORMATS = ["pkcs1", "pkcs8"] as const;
export type PrivateKeyFormat = (typeof PRIVATE_KEY_FORMATS)[number];

const generateRsa = promisify(generateKeyPair);

export interface GeneratedKeyPair {
  identity: KeyIdentity;
  privateKey: KeyObject;
}

/**
 * Key generation runs on libuv's thread pool (async generateKeyPair), never on the event loop. A
 * 4096-bit key can take seconds, so at most MAX_CONCURRENT run at once per process; a burst beyond
 * the queue is refused instead of starving the pool that file and crypto I/O share.
 */
const MAX_CONCURRENT = 2;
const MAX_QUEUED = 8;
let running = 0;
const waiting: Array<() => void> = [];

async function withGenerationSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) {
    if (waiting.length >= MAX_QUEUED) {
      throw new AppError("RATE_LIMITED", "Too many keys are being generated on this server right now. Nothing was created; try again in a few seconds.");
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next(); // hands the slot over; `running` stays the same
    else running--;
  }
}

export async function generateSigningKeyPair(bits: KeySize = 2048): Promise<GeneratedKeyPair> {
  if (!KEY_SIZES.includes(bits)) throw new AppError("VALIDATION", "Choose 2048, 3072 or 4096 bits.", { field: "bits" });
  const { publicKey, privateKey } = await withGenerationSlot(() =>
    generateRsa("rsa", { modulusLength: bits, publicExponent: REQUIRED_PUBLIC_EXPONENT }),
  );
  assertRsaPolicy(publicKey);
  return { identity: await identityOf(publicKey, bits), privateKey };
}

/** The one-time download: PKCS#1 is what the doc's ssh-keygen command writes; PKCS#8 suits jose and Java. */
export function exportPrivateKeyPem(privateKey: KeyObject, format: PrivateKeyFormat): string {
  return privateKey.export({ type: format, format: "pem" }).toString();
}

export function privateKeyFileName(eventSlug: string, kid: string): string {
  return `${eventSlug}-${kid.slice(0, 8).replace(/[^A-Za-z0-9_-]/g, "")}.key`;
}
