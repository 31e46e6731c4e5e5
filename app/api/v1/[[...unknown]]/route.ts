import { apiError } from "@/lib/api/response";

/** Any path under /api/v1 that no operation serves: the API's own JSON error, not the dashboard's HTML 404. */
function unknownPath(request: Request): Response {
  const { pathname } = new URL(request.url);
  return apiError("NOT_FOUND", `There is no API operation at ${request.method} ${pathname}. The list of operations is at /api/v1/openapi.json.`);
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
