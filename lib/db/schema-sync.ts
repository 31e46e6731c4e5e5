/**
 * prisma/sqlite/schema.prisma is the single source of the data model; the PostgreSQL schema is
 * derived from it (only the datasource provider and the client's output folder differ).
 */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const header =
    "// GENERATED from prisma/sqlite/schema.prisma by `npm run db:sync-schemas`. Edit that file, not this one.\n";
  const body = sqliteSchema
    .replace(/^\/\/ SQLite schema:[^\n]*\n(\/\/[^\n]*\n)*/, "")
    .replace('output     = "../../generated/sqlite"', 'output     = "../../generated/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  if (!body.includes('"../../generated/postgresql"') || !body.includes('provider = "postgresql"')) {
    throw new Error("prisma/sqlite/schema.prisma no longer has the expected generator/datasource blocks");
  }
  return header + body;
}
