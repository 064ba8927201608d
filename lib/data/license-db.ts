// Connections of the desktop license API. On PostgreSQL it has its own pool: a flood of desktops
// can't take the connections the portal's pages need, and its statements are prepared once per
// connection (planning the check-in CTE costs more than running it). On embedded PGlite, a single
// in-process database, it simply shares the process's SqlClient.
import pg from "pg";
import { noteDatabaseError } from "@/lib/db/availability";
import { CONNECT_TIMEOUT_MS, getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { databaseTarget } from "@/lib/db/target";
import { DURABLE_COMMIT, LICENSE_CONNECTION_OPTIONS, type Statement } from "./license-sql";

export type { Statement };

export interface LicenseDb {
  /** One statement, committed on its own; see LICENSE_CONNECTION_OPTIONS (license-sql.ts) for its durability. */
  query<T = Record<string, unknown>>(statement: Statement, params: unknown[]): Promise<T[]>;
  /** Runs fn on one connection inside BEGIN/COMMIT, durably; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: LicenseDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type Queryable = pg.Pool | pg.PoolClient;

function run(target: Queryable) {
  return async <T>(statement: Statement, params: unknown[]) =>
    (await target.query({ name: statement.name, text: statement.text, values: params })).rows as T[];
}

export function licenseDbFromPool(pool: pg.Pool): LicenseDb {
  return {
    query: run(pool),
    async transaction(fn) {
      const client = await pool.connect();
      const tx: LicenseDb = { query: run(client), transaction: (inner) => inner(tx), close: async () => undefined };
      try {
        await client.query("BEGIN");
        await client.query(DURABLE_COMMIT);
        const value = await fn(tx);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Over any SqlClient (PGlite, or a test's connection): same SQL, statements not kept prepared. */
export function licenseDbFromSqlClient(sql: SqlClient): LicenseDb {
  const wrap = (client: SqlClient): LicenseDb => ({
    query: (statement, params) => client.query(statement.text, params),
    transaction: (fn) => client.transaction((tx) => fn(wrap(tx))),
    close: async () => undefined,
  });
  return wrap(sql);
}

export function createLicensePool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: LICENSE_CONNECTION_OPTIONS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client's error (e.g. the server restarted) must not crash the process.
  pool.on("error", (error) => {
    console.error("[license-db] idle connection error:", error.message);
    noteDatabaseError(error);
  });
  // A checked-out connection lost between two statements (PostgreSQL restarting) would emit an
  // 'error' nobody listens to — an uncaught exception; its next statement fails on its own.
  pool.on("connect", (client) => client.on("error", noteDatabaseError));
  return pool;
}

const registry = globalThis as unknown as { [key: symbol]: Promise<LicenseDb> | undefined };
const KEY = Symbol.for("portal-assinaturas.license-db");

/** The process's license connections, opened on first use (LICENSE_DB_POOL_SIZE, default 10). */
export function getLicenseDb(): Promise<LicenseDb> {
  return (registry[KEY] ??= (async () => {
    const target = databaseTarget();
    if (target.kind === "pglite") return licenseDbFromSqlClient(await getSql());
    return licenseDbFromPool(createLicensePool(target.url, Number(process.env.LICENSE_DB_POOL_SIZE ?? 10)));
  })());
}

export async function closeLicenseDb(): Promise<void> {
  const open = registry[KEY];
  delete registry[KEY];
  if (open) await (await open).close();
}
