import { AppError, type ErrorBody } from "@/lib/errors";
import type { KeyRefusal, KeyRefusalReason } from "./refusals";

/** The error body of a refused key: the usual coded error plus the refusal's reason, headline and fix. */
export interface KeyRefusalBody extends ErrorBody {
  reason: KeyRefusalReason;
  title: string;
  command?: string;
}

/**
 * A refused public key. A VALIDATION error on the `publicKey` field (CONFLICT for a duplicate key or kid), whose
 * body also carries the refusal `reason`, so scripts can branch on it and the dialog can show the fix.
 */
export class KeyRefusedError extends AppError {
  readonly refusal: KeyRefusal;

  constructor(refusal: KeyRefusal, field = "publicKey") {
    super(refusal.reason === "duplicate" || refusal.reason === "duplicate_kid" ? "CONFLICT" : "VALIDATION", refusal.message, { field });
    this.name = "KeyRefusedError";
    this.refusal = refusal;
  }

  get reason(): KeyRefusalReason {
    return this.refusal.reason;
  }

  override toBody(): KeyRefusalBody {
    return { ...super.toBody(), reason: this.refusal.reason, title: this.refusal.title, command: this.refusal.command };
  }
}

export function isKeyRefusalBody(body: ErrorBody | null | undefined): body is KeyRefusalBody {
  return Boolean(body && typeof (body as Partial<KeyRefusalBody>).reason === "string");
}
