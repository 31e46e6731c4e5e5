import { z } from "zod";
import { API_OPERATIONS, type ApiOperation } from "./operations";
import { errorResponseSchema } from "./schemas";

const STATUS_TEXT: Record<number, string> = {
  400: "The input is not valid: `error.field` / `error.fields` name what to fix",
  401: "Missing, invalid or revoked API key",
  403: "The API key's role does not allow this (viewer keys are read-only)",
  404: "Not found in this API key's organization",
  409: "Conflicts with something that exists (e.g. a taken slug or a key already on the event)",
  422: "Valid input, but not possible in the current state (e.g. revoking an already revoked key)",
  429: "Too many requests for this API key; see Retry-After",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  delete generated.$schema; // the document declares its dialect once
  return generated;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
}

function queryParameters(operation: ApiOperation) {
  if (!operation.query) return [];
  const schema = jsonSchema(operation.query, "input") as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    description: property.description,
    schema: property,
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) {
    const responses: Record<string, unknown> = {
      [operation.success.status]: {
        description: operation.success.description,
        ...(operation.success.schema ? { content: { "application/json": { schema: jsonSchema(operation.success.schema, "output") } } } : {}),
      },
    };
    for (const status of operation.errors) {
      responses[status] = { description: STATUS_TEXT[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    }
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = {
      operationId: operation.operationId,
      tags: [operation.tag],
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      ...(operation.access === "public" ? { security: [] } : { "x-required-role": operation.access }),
      parameters: [...pathParameters(operation.path), ...queryParameters(operation)],
      ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Event sign-in API",
      version: "1",
      description:
        "Automate events, profile fields, signing keys, test links and token checks. Authenticate with an organization API key: `Authorization: Bearer <key>`. " +
        "Viewer keys can only read. Errors are `{\"error\": {\"code\", \"message\", \"field\"}}`. Lists take `page` and `pageSize`.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An organization API key (evk_…)" } },
      schemas: { Error: jsonSchema(errorResponseSchema, "output") },
    },
    paths,
  };
}
