import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom } from "./schema-sync";

describe("PostgreSQL schema", () => {
  it("is the SQLite schema with only the provider and client folder changed (run `npm run db:sync-schemas`)", () => {
    const sqlite = readFileSync("prisma/sqlite/schema.prisma", "utf8");
    const postgres = readFileSync("prisma/postgresql/schema.prisma", "utf8");
    expect(postgres).toBe(postgresSchemaFrom(sqlite));
  });

  it("has the same migrations for both providers", () => {
    const list = (p: string) => readdirSync(`prisma/${p}/migrations`).filter((f) => f !== "migration_lock.toml");
    expect(list("postgresql")).toEqual(list("sqlite"));
  });
});
