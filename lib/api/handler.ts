import "server-only";
import { z } from "zod";
import type { OrgRole } from "@/lib/auth/roles";
import { AppError, parseInput } from "@/lib/errors";
import { requireRole, type TenantContext } from "@/lib/tenancy/context";
import { authenticateApiKey, RateLimitedError } from "./authenticate";
import { apiError, apiErrorFrom, apiJson } from "./response";

const MAX_BODY_BYTES = 64 * 1024;

type RouteParams = Record<string, string>;

interface HandlerArgs<B> {
  ctx: TenantContext;
  body: B;
  params: RouteParams;
  query: URLSearchParams;
  request: Request;
}

export type ApiResult = { status?: number; body: unknown; headers?: HeadersInit } | Response;

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("VALIDATION", "Send the request body as JSON with `Content-Type: application/json`.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("VALIDATION", "The request body is larger than 64 KB.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
}

/**
 * Every /api/v1 handler goes through here: API-key authentication, the role the operation needs
 * (viewer keys read only), the body parsed with the operation's zod schema, and every failure as
 * {"error": {...}} with its status. Another organization's objects are 404, as in the dashboard.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(
  name: string,
  options: { role: OrgRole; body?: S },
  handler: (args: HandlerArgs<S extends z.ZodType ? z.output<S> : undefined>) => Promise<ApiResult>,
) {
  return async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    try {
      const ctx = await authenticateApiKey(request);
      requireRole(ctx, options.role);
      const body = options.body ? parseInput(options.body, await readJson(request)) : undefined;
      const result = await handler({
        ctx,
        body: body as S extends z.ZodType ? z.output<S> : undefined,
        params: await context.params,
        query: new URL(request.url).searchParams,
        request,
      });
      if (result instanceof Response) return result;
      return apiJson(result.body, result.status ?? 200, result.headers);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        return apiError("RATE_LIMITED", error.message, { headers: { "Retry-After": String(error.retryAfterSeconds) } });
      }
      if (error instanceof AppError && error.code === "FORBIDDEN" && options.role !== "viewer") {
        return apiError("FORBIDDEN", "This API key is read-only (viewer). Use an admin key to make changes.");
      }
      return apiErrorFrom(error, `api ${name}`);
    }
  };
}

/** `?page=&pageSize=` for list endpoints (pageSize 1–100, default 25). */
export const paginationQuerySchema = z.object({
  page: z.coerce.number({ error: "page must be a whole number, 1 or more." }).int().min(1, "page must be 1 or more.").default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a whole number from 1 to 100." }).int().min(1).max(100, "pageSize must be at most 100.").default(25),
});

export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.output<S> {
  return parseInput(schema, Object.fromEntries(query.entries()));
}
