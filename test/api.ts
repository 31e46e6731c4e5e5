import { db } from "@/lib/db";
import { auth } from "@/lib/auth/auth";
import { createOrganizationApiKey } from "@/lib/api-keys/create";
import type { ApiKeyRole } from "@/lib/api-keys/schema";
import type { TenantContext } from "@/lib/tenancy/context";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Creates an organization API key for the tenant (as its owner would) and returns the full key. */
export async function makeApiKey(ctx: TenantContext, role: ApiKeyRole = "admin") {
  const owner = await db.member.findFirstOrThrow({ where: { organizationId: ctx.organizationId, role: "owner" } });
  const created = await createOrganizationApiKey(auth, db, {
    organizationId: ctx.organizationId,
    creatorUserId: owner.userId,
    actor: { type: "user", id: owner.userId, label: "test" },
    name: `test ${role}`,
    role,
  });
  return created;
}

/** Calls a route handler the way Next would, returning status and parsed JSON. */
export async function callApi(
  handler: Handler,
  options: { method?: string; path?: string; key?: string | null; body?: unknown; rawBody?: string; params?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(`http://localhost/api/v1${options.path ?? "/"}`, { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, any>) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
