// Applies prisma/migrations/*/migration.sql in order, the way `prisma migrate deploy` does, without
// Prisma's native engine: each migration in its own transaction, recorded in _prisma_migrations
// with Prisma's columns and checksum, under Prisma's advisory lock so concurrent starts apply each
// migration exactly once, and refusing to run when an applied migration's file was edited.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlClient } from "./sql-client";

/** The key `prisma migrate` itself locks on, so our migrator and Prisma's never run together. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export type MigrationFile = { name: string; file: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .filter((name) => existsSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql")))
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = readFileSync(/*turbopackIgnore: true*/ file, "utf8");
      return { name, file, sql, checksum: checksumOf(sql) };
    });
}

async function appliedMigrations(conn: SqlClient): Promise<AppliedRow[]> {
  const exists = await conn.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!exists[0]?.present) return [];
  return conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at`,
  );
}

/** Refuses edited or failed migrations; returns the ones still to apply. */
function plan(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const live = applied.filter((row) => row.rolled_back_at === null);
  for (const row of live) {
    const file = files.find((candidate) => candidate.name === row.migration_name);
    if (row.finished_at === null) {
      throw new MigrationError(
        `A migração ${row.migration_name} falhou numa execução anterior e precisa ser resolvida manualmente.`,
        row.migration_name,
      );
    }
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(
        `O arquivo ${path.relative(process.cwd(), file.file)} foi alterado depois de aplicado ` +
          `(checksum ${row.checksum.slice(0, 12)}… no banco, ${file.checksum.slice(0, 12)}… no arquivo). ` +
          `Crie uma nova migração em vez de editar uma existente.`,
        row.migration_name,
      );
    }
  }
  const done = new Set(live.map((row) => row.migration_name));
  return files.filter((file) => !done.has(file.name));
}

export type MigrationStatus = { pending: string[]; error: string | null };

export async function migrationStatus(sql: SqlClient, dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationStatus> {
  try {
    const pending = plan(readMigrations(dir), await appliedMigrations(sql));
    return { pending: pending.map((file) => file.name), error: null };
  } catch (error) {
    if (error instanceof MigrationError) return { pending: [], error: error.message };
    throw error;
  }
}

// PGlite is one session, and a session may take the same advisory lock twice: calls in one process
// on one client are therefore also queued here.
const inProcess = new WeakMap<SqlClient, Promise<unknown>>();

/** Applies every pending migration; returns the names applied by this call. */
export function migrate(sql: SqlClient, dir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const previous = inProcess.get(sql) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => migrateLocked(sql, dir));
  inProcess.set(sql, run);
  return run;
}

async function migrateLocked(sql: SqlClient, dir: string): Promise<string[]> {
  const files = readMigrations(dir);
  return sql.session(async (conn) => {
    await conn.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await conn.exec(CREATE_TABLE);
      // Read under the lock: another process may have applied some while we waited.
      const pending = plan(files, await appliedMigrations(conn));
      for (const migration of pending) {
        await conn.transaction(async (tx) => {
          const id = randomUUID();
          await tx.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, migration.checksum, migration.name],
          );
          try {
            await tx.exec(migration.sql);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new MigrationError(`A migração ${migration.name} falhou: ${reason}`, migration.name);
          }
          await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        });
      }
      return pending.map((migration) => migration.name);
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  });
}
