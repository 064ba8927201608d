// One Prisma client and one raw SQL client per process, over the same connections: a pg Pool for
// PostgreSQL or the embedded PGlite instance. Kept on globalThis so that every module instance
// (custom server, Next's server bundle, dev reloads) shares them.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { noteDatabaseError } from "./availability";
import { closePglite, openPglite } from "./pglite";
import { pgliteSqlClient, pgSqlClient, type SqlClient } from "./sql-client";
import { databaseTarget, type DatabaseTarget } from "./target";

export type Database = { prisma: PrismaClient; sql: SqlClient; target: DatabaseTarget; close(): Promise<void> };

const registry = globalThis as unknown as { [key: symbol]: Promise<Database> | undefined };
const KEY = Symbol.for("portal-assinaturas.database");

/**
 * Every session runs in UTC: Prisma's pg adapter reads and writes timestamps as if the session's
 * TimeZone were UTC, so a server configured otherwise would silently shift every date.
 */
export const SESSION_OPTIONS = "-c TimeZone=UTC";

/** A request never waits longer than this for a connection (pool full, or PostgreSQL away). */
export const CONNECT_TIMEOUT_MS = 5_000;

export function createPgPool(url: string, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, options: SESSION_OPTIONS, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client's error (e.g. the server restarted) must not crash the process; it tells that
  // the database went away (lib/db/availability.ts).
  pool.on("error", (error) => {
    console.error("[db] idle connection error:", error.message);
    noteDatabaseError(error);
  });
  // A checked-out connection lost between two statements (PostgreSQL restarting) would emit an
  // 'error' nobody listens to — an uncaught exception; its next statement fails on its own.
  pool.on("connect", (client) => client.on("error", noteDatabaseError));
  return pool;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = createPgPool(target.url);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      sql: pgSqlClient(pool),
      target,
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const pglite = await openPglite(target.dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    sql: pgliteSqlClient(pglite),
    target,
    async close() {
      await prisma.$disconnect();
      await closePglite(target.dataDir);
    },
  };
}

/** The process-wide database, opened on first use from the environment. */
export function getDatabase(): Promise<Database> {
  return (registry[KEY] ??= openDatabase(databaseTarget()));
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

export async function getSql(): Promise<SqlClient> {
  return (await getDatabase()).sql;
}
