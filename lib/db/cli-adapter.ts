import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseProviderOf, SQLITE_BUSY_TIMEOUT_MS } from "./provider";

// Catalog column types the WASM engine cannot read: `name` (19) and `"char"` (18). Both are text.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };
type AnyQuery = (...args: unknown[]) => unknown;

function relabelNameColumns<T>(result: T): T {
  for (const field of (result as QueryResultLike | undefined)?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/** Wraps a pg `query` (promise and callback forms) so results report `name` columns as `text`. */
function wrapQuery(query: AnyQuery, self: unknown): AnyQuery {
  return (...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => (last as AnyQuery)(err, res && relabelNameColumns(res));
      return query.apply(self, args);
    }
    const out = query.apply(self, args);
    return out instanceof Promise ? out.then(relabelNameColumns) : out;
  };
}

/**
 * A pg pool for the Prisma CLI's WASM schema engine only. Works around prisma/orm#27403 ("Column
 * type 'name' could not be deserialized"): the engine cannot read PostgreSQL's `name` type, so
 * catalog results are relabelled as `text` (`"char"` too: `migrate dev` reads it). The app's runtime client does not need this.
 */
export function migrationPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.query = wrapQuery(pool.query as AnyQuery, pool) as typeof pool.query;
  pool.on("connect", (client) => {
    client.query = wrapQuery(client.query as AnyQuery, client) as typeof client.query;
  });
  return pool;
}

/**
 * PrismaPg for the CLI, with a shadow database that gets the same workaround (PrismaPg's own
 * shadow pool does not), so `prisma migrate dev` can author PostgreSQL migrations too.
 */
class MigrationPostgresAdapter {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  readonly #main: PrismaPg;

  constructor(private readonly url: string) {
    this.#main = new PrismaPg(migrationPool(url));
  }

  connect() {
    return this.#main.connect();
  }

  async connectToShadowDb() {
    const admin = await this.#main.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${database}`;
    const pool = migrationPool(shadowUrl.toString());
    const shadow = await new PrismaPg(pool).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await pool.end().catch(() => undefined);
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
    };
    return shadow;
  }
}

/**
 * PrismaBetterSQLite3 for the CLI. `migrate dev` replays each migration file on the shadow database
 * as one executeRaw call, which better-sqlite3 refuses for more than one statement; such scripts
 * are run with executeScript instead.
 */
class MigrationSqliteAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName = "@prisma/adapter-better-sqlite3";
  readonly #inner: PrismaBetterSQLite3;

  constructor(url: string) {
    this.#inner = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }

  connect() {
    return this.#inner.connect();
  }

  async connectToShadowDb() {
    const shadow = await this.#inner.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length === 0 && query.sql.includes(";")) {
        await shadow.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return shadow;
  }
}

/** The driver adapter the Prisma CLI (migrate) uses for DATABASE_URL. */
export function cliAdapterFor(url: string) {
  if (databaseProviderOf(url) === "sqlite") return new MigrationSqliteAdapter(url);
  return new MigrationPostgresAdapter(url);
}
