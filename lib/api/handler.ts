import "server-only";
import { z } from "zod";
import { AppError, parseInput, validationError } from "@/lib/errors";
import { requireRole, type TenantContext } from "@/lib/tenancy/context";
import { authenticateApiKey, RateLimitedError } from "./authenticate";
import { apiOperation, type BodyOf, type OperationId, type QueryOf } from "./operations";
import { apiError, apiErrorFrom, apiJson } from "./response";

const MAX_BODY_BYTES = 64 * 1024;

type RouteParams = Record<string, string>;

interface HandlerArgs<Id extends OperationId> {
  ctx: TenantContext;
  body: BodyOf<Id>;
  query: QueryOf<Id>;
  params: RouteParams;
  request: Request;
}

export type ApiResult = { status?: number; body: unknown; headers?: HeadersInit } | Response;

/**
 * The parsed JSON body, or undefined when the request has none: operations whose body is optional
 * (e.g. POST …/keys/{kid}/retire) accept an empty request; the others say a body is needed.
 */
async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("VALIDATION", "The request body is larger than 64 KB.");
  const text = await request.text();
  if (text.trim() === "") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("VALIDATION", "Send the request body as JSON with `Content-Type: application/json`.");
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("VALIDATION", "The request body is larger than 64 KB.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
}

function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  if (raw === undefined && !schema.safeParse(undefined).success) {
    throw new AppError("VALIDATION", "This operation needs a JSON request body (`Content-Type: application/json`). The API reference lists its fields.");
  }
  const result = schema.safeParse(raw, { error: missingMemberMessage });
  if (result.success) return result.data;
  throw validationError(new z.ZodError(result.error.issues.flatMap(unknownMemberPerField)));
}

/** zod's default for a missing member ("expected array, received undefined") says it the way a person would; the schemas' own messages win. */
function missingMemberMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "invalid_type" || issue.input !== undefined) return undefined;
  const expected = issue.expected === "array" || issue.expected === "object" ? `an ${issue.expected}` : `a ${issue.expected}`;
  return `This field is required (${expected}).`;
}

/** An unknown member is reported on its own name, so `error.fields` points at the typo. */
function unknownMemberPerField(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "unrecognized_keys") return [issue];
  return issue.keys.map((key) => ({ ...issue, path: [...issue.path, key] }));
}

/**
 * Every /api/v1 handler goes through here, named by its operation in API_OPERATIONS, which says
 * what the route checks: API-key authentication, the role the operation needs (viewer keys read
 * only), the body and the query parsed with the operation's zod schemas, and every failure as
 * {"error": {...}} with its status. So a route cannot disagree with its documentation. Another
 * organization's objects are 404, as in the dashboard.
 */
export function apiRoute<Id extends OperationId>(operationId: Id, handler: (args: HandlerArgs<Id>) => Promise<ApiResult>) {
  const operation = apiOperation(operationId);
  const role = operation.access;
  if (role === "public") throw new Error(`${operationId} is public: serve it without apiRoute, which requires an API key.`);
  return async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    try {
      const ctx = await authenticateApiKey(request);
      requireRole(ctx, role);
      const body = operation.body ? parseBody(operation.body, await readJson(request)) : undefined;
      const url = new URL(request.url);
      const query = operation.query ? parseInput(operation.query, Object.fromEntries(url.searchParams.entries())) : undefined;
      const result = await handler({ ctx, body: body as BodyOf<Id>, query: query as QueryOf<Id>, params: await context.params, request });
      if (result instanceof Response) return result;
      return apiJson(result.body, result.status ?? 200, result.headers);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        return apiError("RATE_LIMITED", error.message, { headers: { "Retry-After": String(error.retryAfterSeconds) } });
      }
      if (error instanceof AppError && error.code === "FORBIDDEN" && role !== "viewer") {
        return apiError("FORBIDDEN", "This API key is read-only (viewer). Use an admin key to make changes.");
      }
      return apiErrorFrom(error, `api ${operationId}`);
    }
  };
}
