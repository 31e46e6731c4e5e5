import { z } from "zod";
import { API_OPERATIONS, API_TAGS, type ApiOperation } from "./operations";
import { errorResponseSchema } from "./schemas";

const STATUS_TEXT: Record<number, string> = {
  400: "The input is not valid: `error.field` / `error.fields` name what to fix",
  401: "Missing, invalid or revoked API key",
  403: "The API key's role does not allow this (viewer keys are read-only)",
  404: "Not found in this API key's organization",
  409: "Conflicts with something that exists (e.g. a taken slug or a key already on the event)",
  422: "Valid input, but not possible in the current state (e.g. revoking an already revoked key)",
  429: "Too many requests for this API key; see Retry-After",
  503: "Temporarily unavailable; see Retry-After",
};

/** Whether a request body may be left out (e.g. retire takes one only to acknowledge leaving no active key). */
export function bodyIsOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

function requestBody(operation: ApiOperation) {
  if (!operation.body) return {};
  const examples = operation.examples?.length
    ? { examples: Object.fromEntries(operation.examples.map((example, i) => [`example${i + 1}`, { summary: example.summary, value: example.value }])) }
    : {};
  return {
    requestBody: { required: !bodyIsOptional(operation.body), content: { "application/json": { schema: jsonSchema(operation.body, "input"), ...examples } } },
  };
}

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

function csvDescription(csv: { description: string; columns: readonly string[] }): string {
  return `${csv.description} RFC 4180, one header row: ${csv.columns.join(", ")}. Cells that would start a spreadsheet formula (= + - @) begin with an apostrophe.`;
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) {
    const responses: Record<string, unknown> = {
      [operation.success.status]: {
        description: operation.success.description,
        ...(operation.success.schema || operation.success.csv
          ? {
              content: {
                ...(operation.success.schema ? { "application/json": { schema: jsonSchema(operation.success.schema, "output") } } : {}),
                ...(operation.success.csv ? { "text/csv": { schema: { type: "string", description: csvDescription(operation.success.csv) } } } : {}),
              },
            }
          : {}),
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
      ...requestBody(operation),
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
        "Viewer keys can only read. Errors are `{\"error\": {\"code\", \"message\", \"field\"}}`. The events list takes `page` and `pageSize`; an event's keys and profile fields are short and come whole.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    tags: API_TAGS.map((tag) => ({ name: tag.name, description: tag.description })),
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An organization API key (evk_…)" } },
      schemas: { Error: jsonSchema(errorResponseSchema, "output") },
    },
    paths,
  };
}
