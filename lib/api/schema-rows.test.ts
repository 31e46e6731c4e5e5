import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { schemaRows, typeLabel, type JsonSchema } from "./schema-rows";

const doc = buildOpenApiDocument("https://events.example.com");
const bodyOf = (path: string, method: string) =>
  (doc.paths[path] as Record<string, { requestBody: { content: { "application/json": { schema: JsonSchema } } } }>)[method]!.requestBody.content["application/json"].schema;
const responseOf = (path: string, method: string, status: number) =>
  (doc.paths[path] as Record<string, { responses: Record<number, { content: { "application/json": { schema: JsonSchema } } }> }>)[method]!.responses[status]!.content["application/json"].schema;

describe("schemaRows", () => {
  it("lists nested request members with dotted paths, readable types, required marks and notes", () => {
    const rows = schemaRows(bodyOf("/events/{slug}/keys", "post"));
    expect(rows.map((r) => r.path)).toEqual(["publicKey", "generate", "generate.bits", "generate.privateKeyFormat", "generate.keepPrivateKey", "activate", "label"]);
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r]));
    expect(byPath["generate.bits"]).toMatchObject({ type: "2048 | 3072 | 4096", required: false, depth: 1 });
    expect(byPath["generate.bits"]!.notes).toBe("RSA modulus size (default 2048).");
    expect(byPath.label!.notes).toContain("at most 60 characters");
    expect(byPath["generate.keepPrivateKey"]).toMatchObject({ type: "boolean", required: true });
    expect(byPath.label!.type).toBe("string (≤ 60 chars)");
  });

  it("lists array items as name[] and merges the variants of a union", () => {
    const fields = schemaRows(bodyOf("/events/{slug}/profile-fields", "put"));
    expect(fields.map((r) => `${r.path}: ${r.type}`)).toEqual([
      "fields: object[]",
      "fields[].key: string (1–64 chars)",
      "fields[].label: string (1–40 chars)",
      'fields[].kind: "text" | "url" | "twitter" | "linkedin"',
    ]);
    expect(fields.find((r) => r.path === "fields[].key")!.notes).toContain("Exactly as your tokens send it");
    expect(fields[0]!.notes).toContain("at most 20");
    const inspection = schemaRows(responseOf("/events/{slug}/tokens/inspect", "post", 200));
    const verdict = Object.fromEntries(inspection.filter((r) => r.path.startsWith("data.verdict.")).map((r) => [r.path, r]));
    expect(verdict["data.verdict.accepted"]).toMatchObject({ type: "true | false", required: true });
    expect(verdict["data.verdict.reason"]).toMatchObject({ type: "string", required: false });
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "null" }] })).toBe("string | null");
    expect(verdict["data.verdict.lifetimeSeconds"]!.type).toBe("integer | null");
  });
});
