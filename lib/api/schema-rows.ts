/**
 * A JSON Schema (as z.toJSONSchema writes it) flattened into the rows of a field table, for the
 * API reference page: `generate.bits`, `fields[].key`, with a readable type, whether it is
 * required, and the notes from the schemas' `.describe()`. Pure, so the wording is tested.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
}

export interface SchemaRow {
  path: string;
  type: string;
  required: boolean;
  notes: string;
  depth: number;
}

const variantsOf = (schema: JsonSchema) => schema.anyOf ?? schema.oneOf ?? [];

function range(min: number | undefined, max: number | undefined, unit = ""): string {
  // zod's .int() bounds every integer by the safe-integer range: no news to a reader.
  if (min !== undefined && min <= Number.MIN_SAFE_INTEGER) min = undefined;
  if (max !== undefined && max >= Number.MAX_SAFE_INTEGER) max = undefined;
  if (min !== undefined && max !== undefined) return ` (${min}–${max}${unit})`;
  if (max !== undefined) return ` (≤ ${max}${unit})`;
  if (min !== undefined && min > 0) return ` (≥ ${min}${unit})`;
  return "";
}

export function typeLabel(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = variantsOf(schema);
  if (variants.length) return Array.from(new Set(variants.map(typeLabel))).join(" | ");
  if (schema.prefixItems) return `[${schema.prefixItems.map(typeLabel).join(", ")}]`;
  if (schema.type === "array") return `${schema.items ? typeLabel(schema.items) : "any"}[]${range(schema.minItems, schema.maxItems, " items")}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (!type) return "any";
  if (type === "string") return `${schema.format ? `string (${schema.format})` : "string"}${range(schema.minLength, schema.maxLength, " chars")}`;
  if (type === "number" || type === "integer") return `${type}${range(schema.minimum, schema.maximum)}`;
  return type;
}

/** The object whose members a row lists below itself: the schema, an array's items, or the object variants merged. */
function membersOf(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: string[]; suffix: string } | null {
  if (schema.properties) return { properties: schema.properties, required: schema.required ?? [], suffix: "" };
  if (schema.type === "array" && schema.items) {
    const inner = membersOf(schema.items);
    return inner ? { ...inner, suffix: `[]${inner.suffix}` } : null;
  }
  const objects = variantsOf(schema).filter((v) => v.properties);
  if (objects.length === 0) return null;
  const properties: Record<string, JsonSchema> = {};
  for (const variant of objects) {
    for (const [name, member] of Object.entries(variant.properties!)) {
      const earlier = properties[name];
      properties[name] = earlier ? { anyOf: [...(earlier.anyOf ?? [earlier]), member], description: earlier.description ?? member.description } : member;
    }
  }
  // A member is required only if every variant requires it.
  const required = Object.keys(properties).filter((name) => objects.every((v) => v.required?.includes(name)));
  return { properties, required, suffix: "" };
}

function notesOf(schema: JsonSchema): string {
  const description = schema.description ?? variantsOf(schema).find((v) => v.description)?.description ?? "";
  // Descriptions that already name their default ("… (default 300)") keep their own wording.
  const defaultText = schema.default !== undefined && !/\bdefault\b/i.test(description) ? `Default ${JSON.stringify(schema.default)}.` : "";
  return [description && !/[.!?]$/.test(description) ? `${description}.` : description, defaultText].filter(Boolean).join(" ");
}

export function schemaRows(schema: JsonSchema, options: { maxDepth?: number } = {}): SchemaRow[] {
  const maxDepth = options.maxDepth ?? 4;
  const rows: SchemaRow[] = [];
  const walk = (object: NonNullable<ReturnType<typeof membersOf>>, prefix: string, depth: number) => {
    for (const [name, member] of Object.entries(object.properties)) {
      const path = `${prefix}${name}`;
      rows.push({ path, type: typeLabel(member), required: object.required.includes(name), notes: notesOf(member), depth });
      const inner = membersOf(member);
      if (inner && depth + 1 < maxDepth) walk(inner, `${path}${inner.suffix}.`, depth + 1);
    }
  };
  const root = membersOf(schema);
  if (root) walk(root, root.suffix ? `${root.suffix}.` : "", 0);
  return rows;
}
