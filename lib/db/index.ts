import "server-only";
import { createDatabaseClient, type Database } from "./create-client";
import { databaseUrl } from "@/lib/env";

export type { Database, Transaction } from "./create-client";

const globalForDb = globalThis as unknown as { __db?: Database };

/** The app's single database client (kept on globalThis so dev-server reloads do not open new pools). */
export const db: Database = (globalForDb.__db ??= createDatabaseClient(databaseUrl()));
