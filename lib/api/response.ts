import { AppError, ERROR_CODES, INTERNAL_ERROR_MESSAGE, type ErrorCode } from "@/lib/errors";
import { logUnexpected } from "@/lib/log";

/** The API's error shape: {"error": {"code", "message", "field"?, "fields"?}} with the matching status. */
export function apiError(
  code: ErrorCode,
  message: string,
  options: { field?: string; fields?: Record<string, string>; extra?: Record<string, unknown>; headers?: HeadersInit } = {},
): Response {
  const body = { error: { code, message, ...(options.field ? { field: options.field } : {}), ...(options.fields ? { fields: options.fields } : {}), ...options.extra } };
  return Response.json(body, { status: ERROR_CODES[code], headers: { "Cache-Control": "no-store", ...options.headers } });
}

const BASE_MEMBERS = new Set(["code", "message", "field", "fieldErrors"]);

export function apiErrorFrom(error: unknown, where: string): Response {
  if (error instanceof AppError) {
    const fields = error.fieldErrors && Object.keys(error.fieldErrors).length > 1 ? error.fieldErrors : undefined;
    // What an error adds to the usual shape (a refused key's reason, title and fix command) goes along.
    const extra = Object.fromEntries(Object.entries(error.toBody()).filter(([name, value]) => value !== undefined && !BASE_MEMBERS.has(name)));
    return apiError(error.code, error.message, { field: error.field, fields, extra });
  }
  logUnexpected(where, error);
  return apiError("INTERNAL", INTERNAL_ERROR_MESSAGE);
}

export function apiJson(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
