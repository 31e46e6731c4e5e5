import { buildOpenApiDocument } from "@/lib/api/openapi";
import { API_OPERATIONS, type ApiOperation } from "@/lib/api/operations";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

const METHOD_TONES: Record<ApiOperation["method"], BadgeTone> = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red" };

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; description?: string; enum?: unknown[]; anyOf?: JsonSchema[]; items?: JsonSchema; minimum?: number; maximum?: number };

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return Array.from(new Set(schema.anyOf.map(typeOf))).join(" | ");
  if (schema.type === "array" && schema.items) return `${typeOf(schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` (${schema.minimum}–${schema.maximum})` : "";
  return `${type}${range}`;
}

function FieldTable({ schema }: { schema: JsonSchema }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return null;
  return (
    <table className="mt-2 w-full text-left text-xs">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">field</th>
          <th className="py-1 pr-3 font-medium">type</th>
          <th className="py-1 font-medium">notes</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {properties.map(([name, property]) => (
          <tr key={name}>
            <td className="break-all py-1 pr-3 font-mono">
              {name}
              {schema.required?.includes(name) ? <span className="text-red-600">*</span> : null}
            </td>
            <td className="py-1 pr-3 font-mono text-slate-600">{typeOf(property)}</td>
            <td className="py-1 text-slate-600">{property.description ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ApiReference({ baseUrl }: { baseUrl: string }) {
  const doc = buildOpenApiDocument(baseUrl);
  const tags = Array.from(new Set(API_OPERATIONS.map((op) => op.tag)));
  return (
    <div className="space-y-6">
      {tags.map((tag) => (
        <Card key={tag} title={tag}>
          <div className="-my-2 divide-y divide-slate-100">
            {API_OPERATIONS.filter((op) => op.tag === tag).map((op) => {
              const spec = (doc.paths[op.path] as Record<string, { requestBody?: { content: { "application/json": { schema: JsonSchema } } }; parameters: Array<{ name: string; in: string; description?: string }> }>)[op.method.toLowerCase()]!;
              const body = spec.requestBody?.content["application/json"].schema;
              const query = spec.parameters.filter((p) => p.in === "query");
              const curlPath = op.path.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`);
              const curl = [
                `curl -sS -X ${op.method} '${baseUrl}/api/v1${curlPath}'`,
                op.access === "public" ? null : `  -H "Authorization: Bearer $API_KEY"`,
                body ? `  -H 'Content-Type: application/json' -d '{…}'` : null,
              ]
                .filter(Boolean)
                .join(" \\\n");
              return (
                <section key={op.operationId} id={op.operationId} className="py-4">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={METHOD_TONES[op.method]}>{op.method}</Badge>
                    <code className="min-w-0 break-all font-mono text-sm font-medium text-slate-900">/api/v1{op.path}</code>
                    <span className="text-xs text-slate-500">{op.access === "public" ? "public, no key" : op.access === "viewer" ? "any key" : "admin key"}</span>
                  </div>
                  <p className="mt-1 text-sm text-slate-800">{op.summary}</p>
                  {op.description ? <p className="mt-1 text-sm text-slate-600">{op.description}</p> : null}
                  {query.length > 0 ? (
                    <p className="mt-2 text-xs text-slate-600">
                      Query:{" "}
                      {query.map((p) => (
                        <span key={p.name} className="mr-3">
                          <code className="font-mono">{p.name}</code> {p.description ? `– ${p.description}` : ""}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {body ? <FieldTable schema={body} /> : null}
                  <p className="mt-2 text-xs text-slate-500">
                    {op.success.status} {op.success.description}; errors {op.errors.join(", ")}
                  </p>
                  <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{curl}</pre>
                </section>
              );
            })}
          </div>
        </Card>
      ))}
    </div>
  );
}
