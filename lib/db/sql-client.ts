// The smallest SQL surface the project needs outside Prisma (migrator, seed, hot paths), with one
// implementation per database: PostgreSQL through `pg`, embedded PGlite in-process.
import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";

export interface SqlClient {
  /** One parameterized statement ($1, $2, …); returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A script of several statements, no parameters. */
  exec(script: string): Promise<void>;
  /** Runs fn on one connection inside BEGIN/COMMIT; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Runs fn on one dedicated connection (session-level state such as advisory locks). */
  session<T>(fn: (conn: SqlClient) => Promise<T>): Promise<T>;
  readonly dialect: "postgres" | "pglite";
}

function fromPoolClient(client: PoolClient): SqlClient {
  const query = async <T>(text: string, params?: unknown[]) => (await client.query(text, params as unknown[])).rows as T[];
  const exec = async (script: string) => {
    await client.query(script);
  };
  // Inside a transaction, a nested transaction() just joins it (as on PGlite).
  const inTransaction: SqlClient = {
    dialect: "postgres",
    query,
    exec,
    transaction: (fn) => fn(inTransaction),
    session: (fn) => fn(inTransaction),
  };
  const self: SqlClient = {
    dialect: "postgres",
    query,
    exec,
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const value = await fn(inTransaction);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        // A failed ROLLBACK must not hide the error that caused it.
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    session: (fn) => fn(self),
  };
  return self;
}

export function pgSqlClient(pool: Pool): SqlClient {
  async function withClient<T>(fn: (conn: SqlClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await fn(fromPoolClient(client));
    } catch (error) {
      // A connection that failed mid-conversation may be unusable: don't give it back to the pool.
      if (error instanceof Error && !("code" in error)) broken = error;
      throw error;
    } finally {
      client.release(broken);
    }
  }
  return {
    dialect: "postgres",
    async query<T>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params as unknown[]);
      return result.rows as T[];
    },
    async exec(script) {
      await pool.query(script);
    },
    transaction: (fn) => withClient((conn) => conn.transaction(fn)),
    session: withClient,
  };
}

export function pgliteSqlClient(db: PGlite): SqlClient {
  const self: SqlClient = {
    dialect: "pglite",
    async query<T>(text: string, params?: unknown[]) {
      const result = await db.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script) {
      await db.exec(script);
    },
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const inner: SqlClient = {
          dialect: "pglite",
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params as unknown[])).rows,
          exec: async (script) => {
            await tx.exec(script);
          },
          transaction: (nested) => nested(inner),
          session: (nested) => nested(inner),
        };
        return fn(inner);
      }),
    // PGlite is a single connection: every call already shares one session.
    session: (fn) => fn(self),
  };
  return self;
}
