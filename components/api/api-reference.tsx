import { Fragment, type CSSProperties, type ReactNode } from "react";
import { bodyIsOptional, buildOpenApiDocument } from "@/lib/api/openapi";
import { API_OPERATIONS, API_TAGS, type ApiOperation } from "@/lib/api/operations";
import { schemaRows, type JsonSchema, type SchemaRow } from "@/lib/api/schema-rows";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

const METHOD_TONES: Record<ApiOperation["method"], BadgeTone> = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red" };

const ACCESS: Record<ApiOperation["access"], { text: string; tone: BadgeTone }> = {
  public: { text: "public · no key", tone: "gray" },
  viewer: { text: "any key", tone: "gray" },
  admin: { text: "admin key", tone: "indigo" },
  owner: { text: "owner", tone: "indigo" },
};

export const STATUS_MEANINGS: Array<[number, string]> = [
  [400, "The body or query is not valid; error.field / error.fields name what to fix."],
  [401, "No API key, or a wrong, expired or revoked one."],
  [403, "The key's role does not allow it (viewer keys only read)."],
  [404, "Not found in this key's organization (another organization's objects too)."],
  [409, "Conflicts with something that exists (a taken slug, a key already on the event)."],
  [422, "Not possible in the current state (e.g. revoking a revoked key); the message says why."],
  [429, "Too many requests for this key; wait the Retry-After seconds."],
];

type OperationSpec = {
  parameters: Array<{ name: string; in: string; required: boolean; description?: string; schema: JsonSchema }>;
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { content?: { "application/json": { schema: JsonSchema } } }>;
};

/** `code` in the operations' prose, rendered as code. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/g).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function FieldPath({ path }: { path: string }) {
  const cut = path.lastIndexOf(".");
  return (
    <span className="break-all font-mono">
      {cut >= 0 ? <span className="text-slate-500">{path.slice(0, cut + 1)}</span> : null}
      <span className="font-medium text-slate-900">{path.slice(cut + 1)}</span>
    </span>
  );
}

/** A table on wide screens; on a phone each field stacks (name and type, then the notes). */
function FieldRows({ rows, label, mode = "request" }: { rows: SchemaRow[]; label: string; mode?: "request" | "response" }) {
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-left text-xs sm:table-fixed" aria-label={label}>
      <thead className="hidden text-slate-500 sm:table-header-group">
        <tr>
          <th className="w-[32%] py-1 pr-3 font-medium">field</th>
          <th className="w-[22%] py-1 pr-3 font-medium">type</th>
          <th className="py-1 font-medium">notes</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          // Nested members are indented: the whole stacked block on a phone, the field column in the table.
          <tr key={row.path} className="block py-1.5 pl-[var(--indent)] sm:table-row sm:py-0 sm:pl-0" style={{ "--indent": `${row.depth * 0.75}rem` } as CSSProperties}>
            <td className="block align-top sm:table-cell sm:py-1.5 sm:pr-3 sm:pl-[var(--indent)]">
              <FieldPath path={row.path} />
              {mode === "request" && row.required ? <span className="ml-1 text-red-700">required</span> : null}
              {mode === "response" && !row.required ? <span className="ml-1 text-slate-500">optional</span> : null}
            </td>
            <td className="block break-words font-mono text-slate-600 align-top sm:table-cell sm:py-1.5 sm:pr-3">
              {row.type}
            </td>
            <td className="block text-slate-600 align-top sm:table-cell sm:py-1.5">
              <Prose text={row.notes} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Subheading({ children }: { children: ReactNode }) {
  return <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">{children}</h4>;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function curlFor(op: ApiOperation, baseUrl: string, example: unknown): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => `$${name.toUpperCase()}`);
  return [
    `curl -sS -X ${op.method} "${baseUrl}/api/v1${path}"`,
    op.access === "public" ? null : `  -H "Authorization: Bearer $API_KEY"`,
    example !== undefined ? `  -H 'Content-Type: application/json' \\\n  -d ${shellQuote(JSON.stringify(example))}` : null,
  ]
    .filter(Boolean)
    .join(" \\\n");
}

function Example({ summary, curl }: { summary?: string; curl: string }) {
  return (
    <div className="mt-2">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-slate-600">{summary}</p>
        <CopyButton value={curl} label="Copy" />
      </div>
      <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">{curl}</pre>
    </div>
  );
}

function Operation({ op, spec, baseUrl }: { op: ApiOperation; spec: OperationSpec; baseUrl: string }) {
  const body = spec.requestBody?.content["application/json"].schema;
  const query = spec.parameters.filter((p) => p.in === "query");
  const queryRows = schemaRows({ type: "object", properties: Object.fromEntries(query.map((p) => [p.name, p.schema])), required: query.filter((p) => p.required).map((p) => p.name) });
  const success = spec.responses[op.success.status]?.content?.["application/json"].schema;
  const responseRows = success ? schemaRows(success) : [];
  const examples = op.examples?.length ? op.examples : [{ summary: undefined, value: undefined }];
  const access = ACCESS[op.access];
  return (
    <section id={op.operationId} className="scroll-mt-20 py-5 first:pt-1" aria-labelledby={`${op.operationId}-title`}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={METHOD_TONES[op.method]} className="font-mono">
          {op.method}
        </Badge>
        <code className="break-all font-mono text-sm font-medium text-slate-900">/api/v1{op.path}</code>
        <Badge tone={access.tone}>{access.text}</Badge>
      </div>
      <h3 id={`${op.operationId}-title`} className="mt-2 text-sm font-semibold text-slate-900">
        {op.summary}
      </h3>
      {op.description ? (
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          <Prose text={op.description} />
        </p>
      ) : null}

      {query.length ? (
        <>
          <Subheading>Query parameters</Subheading>
          <FieldRows rows={queryRows} label={`${op.operationId} query parameters`} />
        </>
      ) : null}
      {body ? (
        <>
          <Subheading>Request body{op.body && bodyIsOptional(op.body) ? " (optional)" : ""}</Subheading>
          <FieldRows rows={schemaRows(body)} label={`${op.operationId} request body`} />
        </>
      ) : null}

      <Subheading>{examples.length > 1 ? "Examples" : "Example"}</Subheading>
      {examples.map((example, i) => (
        <Example key={i} summary={example.summary} curl={curlFor(op, baseUrl, example.value)} />
      ))}

      <Subheading>Responses</Subheading>
      <p className="mt-1 text-xs text-slate-700">
        <Badge tone="green" className="mr-1.5 font-mono">
          {op.success.status}
        </Badge>
        {op.success.description}
      </p>
      {op.success.csv ? (
        <p className="mt-1 text-xs text-slate-600" data-testid={`${op.operationId}-csv`}>
          With <code className="font-mono">Accept: text/csv</code>: {op.success.csv.description} Columns: <code className="break-words font-mono">{op.success.csv.columns.join(", ")}</code>.
        </p>
      ) : null}
      {op.errors.length ? (
        <p className="mt-1.5 flex flex-wrap items-center gap-1 text-xs text-slate-600">
          <span className="mr-0.5">Errors:</span>
          {op.errors.map((status) => (
            <a key={status} href="#status-codes" title={STATUS_MEANINGS.find(([s]) => s === status)?.[1]} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 hover:bg-slate-200">
              {status}
            </a>
          ))}
        </p>
      ) : null}
      {responseRows.length ? (
        <details className="mt-2 rounded-md ring-1 ring-slate-200">
          <summary className="cursor-pointer select-none px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50">Response fields</summary>
          <div className="border-t border-slate-200 px-3 py-1">
            <FieldRows rows={responseRows} label={`${op.operationId} response fields`} mode="response" />
          </div>
        </details>
      ) : null}
    </section>
  );
}

export function ApiReference({ baseUrl }: { baseUrl: string }) {
  const doc = buildOpenApiDocument(baseUrl);
  const specOf = (op: ApiOperation) => (doc.paths[op.path] as Record<string, OperationSpec>)[op.method.toLowerCase()]!;
  const groups = API_TAGS.map((tag) => ({ ...tag, operations: API_OPERATIONS.filter((op) => op.tag === tag.name) })).filter((g) => g.operations.length);
  const anchor = (name: string) => `tag-${name.toLowerCase().replace(/\s+/g, "-")}`;
  const contents = (
    <nav aria-label="API operations" className="space-y-4">
      {groups.map((group) => (
        <div key={group.name}>
          <a href={`#${anchor(group.name)}`} className="text-sm font-semibold text-slate-900 hover:underline">
            {group.name}
          </a>
          <ul className="mt-1 space-y-0.5">
            {group.operations.map((op) => (
              <li key={op.operationId} className="flex min-w-0 items-baseline gap-2 text-xs">
                <span className="w-12 shrink-0 font-mono font-medium text-slate-500">{op.method}</span>
                <a href={`#${op.operationId}`} className="min-w-0 break-all font-mono text-indigo-700 hover:underline">
                  {op.path}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <a href="#status-codes" className="block text-sm font-semibold text-slate-900 hover:underline">
        Status codes
      </a>
    </nav>
  );
  // Wide screens: the contents stay in view beside the operations (the page is over 11,000 px long).
  // Phones: the same contents as the first card, above everything.
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:items-start lg:gap-6">
      <div className="min-w-0 space-y-6">
        <Card title="Contents" className="lg:hidden">
          {contents}
        </Card>
        <Card>
          <div id="status-codes" className="scroll-mt-20">
            <h2 className="text-base font-semibold text-slate-900">Status codes</h2>
            <p className="mt-1 text-xs text-slate-600">
              Every error is <code className="font-mono">{`{"error": {"code", "message", "field", "fields"}}`}</code>; the message says what to do.
            </p>
            <dl className="mt-2 grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
              {STATUS_MEANINGS.map(([status, meaning]) => (
                <Fragment key={status}>
                  <dt className="font-mono font-medium text-slate-800">{status}</dt>
                  <dd className="mb-1 text-slate-600 sm:mb-0">{meaning}</dd>
                </Fragment>
              ))}
            </dl>
          </div>
        </Card>
        {groups.map((group) => (
          <div key={group.name} id={anchor(group.name)} className="scroll-mt-20">
            <Card title={group.name} description={<Prose text={group.description} />}>
              <div className="divide-y divide-slate-100">
                {group.operations.map((op) => (
                  <Operation key={op.operationId} op={op} spec={specOf(op)} baseUrl={baseUrl} />
                ))}
              </div>
            </Card>
          </div>
        ))}
      </div>
      <aside className="sticky top-20 hidden max-h-[calc(100vh-6rem)] overflow-y-auto rounded-lg bg-white px-4 py-3 shadow-xs ring-1 ring-slate-200 lg:block" data-testid="api-toc">
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">On this page</h2>
        {contents}
      </aside>
    </div>
  );
}
