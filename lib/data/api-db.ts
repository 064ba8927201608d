// Connections of the integration API. On PostgreSQL it has its own pool, whose single statements
// (key lookup, rate-limit counter, Idempotency-Key claim) commit without waiting for the WAL flush:
// every request of one key updates the same counter row, and waiting for a flush while holding its
// lock would cap a key at one request per flush. Writes that matter run in transactions that start
// with DURABLE_COMMIT (a crash may forget the last fraction of a second of counters, never a write;
// the WAL is flushed in order, so a durable commit also flushes the claims before it). On embedded
// PGlite it is the process's SqlClient.
import pg from "pg";
import { getSql } from "@/lib/db/connection";
import { pgSqlClient, type SqlClient } from "@/lib/db/sql-client";
import { databaseTarget } from "@/lib/db/target";

export const API_CONNECTION_OPTIONS = "-c TimeZone=UTC -c synchronous_commit=off";
export const DURABLE_COMMIT = "SET LOCAL synchronous_commit TO on";

const registry = globalThis as unknown as { [key: symbol]: Promise<{ sql: SqlClient; close(): Promise<void> }> | undefined };
const KEY = Symbol.for("portal-assinaturas.manufacturer-api-db");

/** The process's integration API connections, opened on first use (API_DB_POOL_SIZE, default 10). */
export async function getApiSql(): Promise<SqlClient> {
  const open = (registry[KEY] ??= (async () => {
    const target = databaseTarget();
    if (target.kind === "pglite") return { sql: await getSql(), close: async () => undefined };
    const pool = new pg.Pool({
      connectionString: target.url,
      max: Number(process.env.API_DB_POOL_SIZE ?? 10),
      options: API_CONNECTION_OPTIONS,
    });
    pool.on("error", (error) => console.error("[manufacturer-api-db] idle connection error:", error.message));
    return { sql: pgSqlClient(pool), close: () => pool.end() };
  })());
  return (await open).sql;
}

export async function closeApiSql(): Promise<void> {
  const open = registry[KEY];
  delete registry[KEY];
  if (open) await (await open).close();
}
