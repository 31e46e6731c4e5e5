import { z } from "zod";
import type { Result } from "@/lib/result";

/**
 * Every failure a user or script can cause has a code, a sentence that says what to do, and when a
 * form field is to blame, that field. Server actions and the HTTP API both speak this shape.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  fieldErrors?: Record<string, string>;
}

/** What a server action returns: its data, or the coded error (never a thrown 500). */
export type ActionResult<T> = Result<{ data: T }, ErrorBody>;

/** The one message for a failure nobody caused on purpose: logged in full on the server, never detailed to the caller. */
export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side and nothing was changed. Try again in a moment.";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly fieldErrors?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { field?: string; fieldErrors?: Record<string, string> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.fieldErrors = options.fieldErrors ?? (options.field ? { [options.field]: message } : undefined);
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, field: this.field, fieldErrors: this.fieldErrors };
  }
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} was not found. It may have been deleted, or it belongs to another organization.`);
}

export function forbidden(message = "Your role in this organization does not allow this change. Ask an owner or admin."): AppError {
  return new AppError("FORBIDDEN", message);
}

export function conflict(message: string, field?: string): AppError {
  return new AppError("CONFLICT", message, { field });
}

export function fieldError(field: string, message: string, code: ErrorCode = "VALIDATION"): AppError {
  return new AppError(code, message, { field });
}

/** The first message per field path ("policy.leewaySeconds"), for forms and API clients alike. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

export function validationError(error: z.ZodError): AppError {
  const fieldErrors = fieldErrorsOf(error);
  const [firstField, firstMessage] = Object.entries(fieldErrors)[0] ?? ["_", "The input is not valid."];
  const message = firstField === "_" ? firstMessage : `${firstField}: ${firstMessage}`;
  return new AppError("VALIDATION", message, { field: firstField === "_" ? undefined : firstField, fieldErrors });
}

/** Parses input against the operation's schema, throwing a VALIDATION AppError with every field's message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** Prisma's unique-constraint violation, without importing a generated client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
