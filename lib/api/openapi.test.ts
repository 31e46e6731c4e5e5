import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { API_OPERATIONS } from "./operations";

const ROOT = "app/api/v1";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

/** "/events/{slug}/keys" → app/api/v1/events/[slug]/keys/route.ts */
const fileFor = (path: string) => join(ROOT, path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
const exportedMethods = (file: string) => [...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);

describe("OpenAPI document", () => {
  it("has a route handler for every documented operation", () => {
    for (const op of API_OPERATIONS) {
      const file = fileFor(op.path);
      expect(existsSync(file), `${op.method} ${op.path} → ${file}`).toBe(true);
      expect(exportedMethods(file), `${file} exports ${op.method}`).toContain(op.method);
    }
  });

  it("documents every route handler under /api/v1", () => {
    const documented = new Set(API_OPERATIONS.map((op) => `${op.method} ${fileFor(op.path)}`));
    documented.add(`GET ${join(ROOT, "openapi.json", "route.ts")}`);
    // The catch-all answers unknown paths with the API's JSON 404; it is no operation.
    const unknownPaths = join(ROOT, "[[...unknown]]", "route.ts");
    for (const file of routeFiles(ROOT).filter((f) => f !== unknownPaths)) {
      for (const method of exportedMethods(file)) expect(documented.has(`${method} ${file}`), `${method} ${file} is not in lib/api/operations.ts`).toBe(true);
    }
  });

  it("is OpenAPI 3.1 with unique operation ids, request schemas and the error shape", () => {
    const doc = buildOpenApiDocument("https://events.example.com");
    expect(doc.openapi).toBe("3.1.0");
    const ids = API_OPERATIONS.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const create = doc.paths["/events"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } } };
    const schema = create.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["name", "slug", "contact", "leewaySeconds", "requireExp"]));
    expect(schema.required).toEqual(expect.arrayContaining(["name", "slug", "contact"]));
    expect(JSON.stringify(doc.components.schemas.Error)).toContain("PRECONDITION_FAILED");
  });

  it("documents request bodies from the schemas the handlers validate with, optional bodies as optional, and the public JWKS", () => {
    const doc = buildOpenApiDocument("https://events.example.com");
    type Op = { requestBody?: { required: boolean; content: { "application/json": { schema: { properties: Record<string, { required?: string[] }> } } } }; security?: unknown[] };
    const op = (path: string, method: string) => (doc.paths[path] as Record<string, Op>)[method]!;
    const addKey = op("/events/{slug}/keys", "post").requestBody!;
    expect(addKey.required).toBe(true);
    expect(Object.keys(addKey.content["application/json"].schema.properties)).toEqual(["publicKey", "generate", "activate", "label"]);
    expect(addKey.content["application/json"].schema.properties.generate!.required).toEqual(["keepPrivateKey"]);
    expect(op("/events/{slug}/keys/{kid}/retire", "post").requestBody!.required).toBe(false);
    expect(Object.keys(op("/events/{slug}/profile-fields", "put").requestBody!.content["application/json"].schema.properties)).toEqual(["fields"]);
    expect(op("/events/{slug}/jwks.json", "get").security).toEqual([]);
    expect(op("/events/{slug}/tokens/inspect", "post").security).toBeUndefined();
  });

  it("documents the CSV answer of the links list next to its JSON", () => {
    const doc = buildOpenApiDocument("https://events.example.com");
    const list = (doc.paths["/events/{slug}/links"] as Record<string, { description: string; responses: Record<string, { content: Record<string, { schema: { type?: string; description?: string } }> }> }>).get!;
    expect(Object.keys(list.responses["200"]!.content)).toEqual(["application/json", "text/csv"]);
    expect(list.responses["200"]!.content["text/csv"]!.schema).toMatchObject({ type: "string", description: expect.stringContaining("id, displayName, email, roles") });
    expect(list.description).toContain("Accept: text/csv");
  });
});
