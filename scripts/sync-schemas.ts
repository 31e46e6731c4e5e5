import { readFileSync, writeFileSync } from "node:fs";
import { postgresSchemaFrom } from "../lib/db/schema-sync";

const source = readFileSync("prisma/sqlite/schema.prisma", "utf8");
writeFileSync("prisma/postgresql/schema.prisma", postgresSchemaFrom(source));
console.log("Wrote prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma");
