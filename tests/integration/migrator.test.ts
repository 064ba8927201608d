// The project's migrator against empty scratch databases: it must behave like `prisma migrate
// deploy` (same bookkeeping, same lock, same refusals) on PostgreSQL and on embedded PGlite.
import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/connection";
import { DEFAULT_MIGRATIONS_DIR, MigrationError, migrate, migrationStatus } from "@/lib/db/migrator";
import { closePglite } from "@/lib/db/pglite";
import type { SqlClient } from "@/lib/db/sql-client";
import { TEST_DB_PREFIX, databaseUrl, withAdmin } from "@/tests/support/postgres";

/** The advisory lock key of `prisma migrate`; the migrator must take the same one. */
const PRISMA_MIGRATE_LOCK = 72707369;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Read independently of readMigrations(), so the test doesn't trust the code it checks. */
const MIGRATIONS = readdirSync(DEFAULT_MIGRATIONS_DIR)
  .filter((name) => existsSync(path.join(DEFAULT_MIGRATIONS_DIR, name, "migration.sql")))
  .sort();

const sha256OfFile = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
  rolled_back_at: Date | null;
};

const opened: Database[] = [];
const createdDatabases: string[] = [];
const tempDirs: string[] = [];

afterAll(async () => {
  for (const db of opened) await db.close();
  await withAdmin(async (admin) => {
    for (const name of createdDatabases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabaseUrl(): Promise<string> {
  const name = `${TEST_DB_PREFIX}migrator_${randomBytes(4).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  createdDatabases.push(name);
  return databaseUrl(name);
}

async function open(url: string): Promise<Database> {
  const db = await openDatabase({ kind: "postgres", url });
  opened.push(db);
  return db;
}

const emptyDatabase = async () => open(await emptyDatabaseUrl());

/** A copy of prisma/migrations in the temp dir, plus extra migrations (folder name → SQL). */
function migrationsCopy(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-migrations-"));
  tempDirs.push(dir);
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const migrationRows = (sql: SqlClient) =>
  sql.query<MigrationRow>(
    `SELECT id, checksum, migration_name, started_at, finished_at, applied_steps_count, logs, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );

async function relationExists(sql: SqlClient, name: string): Promise<boolean> {
  const [row] = await sql.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [name]);
  return row?.present === true;
}

async function advisoryLocks(sql: SqlClient, granted: boolean): Promise<number> {
  const [row] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_locks
      WHERE locktype = 'advisory' AND granted = $1 AND objid = $2
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [granted, PRISMA_MIGRATE_LOCK],
  );
  return row?.count ?? 0;
}

async function rejectionOf(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => new Error("expected the call to be refused"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

describe("migrate on PostgreSQL", () => {
  it("applies every migration folder and records it in _prisma_migrations the way Prisma does", async () => {
    const db = await emptyDatabase();

    expect(await migrate(db.sql)).toEqual(MIGRATIONS);

    // The lock is released, not left on a pooled connection for the next caller to trip over.
    expect(await advisoryLocks(db.sql, true)).toBe(0);
    const rows = await migrationRows(db.sql);
    expect(rows.map((row) => row.migration_name)).toEqual(MIGRATIONS);
    for (const row of rows) {
      expect(row.id).toMatch(UUID);
      expect(row.checksum).toBe(sha256OfFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql")));
      expect(row.started_at).toBeInstanceOf(Date);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
    }
    expect(await relationExists(db.sql, "subscriptions")).toBe(true);
    // The table Prisma itself reads (`prisma migrate status` must understand it).
    const columns = await db.sql.query<{ column_name: string; type: string; not_null: boolean }>(
      `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
         FROM pg_attribute a WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
    );
    expect(columns).toEqual([
      { column_name: "id", type: "character varying(36)", not_null: true },
      { column_name: "checksum", type: "character varying(64)", not_null: true },
      { column_name: "finished_at", type: "timestamp with time zone", not_null: false },
      { column_name: "migration_name", type: "character varying(255)", not_null: true },
      { column_name: "logs", type: "text", not_null: false },
      { column_name: "rolled_back_at", type: "timestamp with time zone", not_null: false },
      { column_name: "started_at", type: "timestamp with time zone", not_null: true },
      { column_name: "applied_steps_count", type: "integer", not_null: true },
    ]);

    expect(await migrate(db.sql)).toEqual([]);
    expect(await migrationRows(db.sql)).toEqual(rows);
  });

  it("applies folders in name order, whatever order they were created in", async () => {
    // Created later-first on disk; the second one only works after the first.
    const dir = migrationsCopy({
      "20990102000000_add_probe_note": `ALTER TABLE order_probe ADD COLUMN note text;`,
      "20990101000000_create_probe": `CREATE TABLE order_probe (id integer);`,
    });
    const db = await emptyDatabase();

    expect(await migrate(db.sql, dir)).toEqual([...MIGRATIONS, "20990101000000_create_probe", "20990102000000_add_probe_note"]);
    expect((await migrationRows(db.sql)).map((row) => row.migration_name)).toEqual([
      ...MIGRATIONS,
      "20990101000000_create_probe",
      "20990102000000_add_probe_note",
    ]);
  });

  it("applies each migration exactly once when two servers start at the same time", async () => {
    const url = await emptyDatabaseUrl();
    const [first, second] = [await open(url), await open(url)];
    // Hold Prisma's lock so both calls are provably waiting on it before either reads anything.
    const holder = new pg.Client({ connectionString: url });
    // A dropped connection must fail this test through its queries, not crash the test run.
    holder.on("error", () => undefined);
    await holder.connect();
    let runs: Promise<string[]>[] = [];
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
      runs = [migrate(first.sql), migrate(second.sql)];
      const deadline = Date.now() + 10_000;
      while ((await advisoryLocks(first.sql, false)) < 2) {
        if (Date.now() > deadline)
          throw new Error(`both migrate() calls should wait on Prisma's advisory lock ${PRISMA_MIGRATE_LOCK}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await holder.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);

      const results = await Promise.all(runs);

      expect(results).toContainEqual(MIGRATIONS);
      expect(results).toContainEqual([]);
      const counts = await first.sql.query<{ migration_name: string; count: number }>(
        `SELECT migration_name, count(*)::int AS count FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
      );
      expect(counts).toEqual(MIGRATIONS.map((name) => ({ migration_name: name, count: 1 })));
    } finally {
      await holder.end();
      await Promise.allSettled(runs);
    }
  });

  it("refuses to run when an applied migration's file was edited afterwards", async () => {
    const dir = migrationsCopy();
    const db = await emptyDatabase();
    await migrate(db.sql, dir);
    const before = await migrationRows(db.sql);
    const edited = MIGRATIONS[0]!;
    appendFileSync(path.join(dir, edited, "migration.sql"), "\n-- edited after it was applied\n");
    // A new migration next to the edited one must not be applied either.
    mkdirSync(path.join(dir, "20990101000000_after_edit"));
    writeFileSync(path.join(dir, "20990101000000_after_edit", "migration.sql"), "CREATE TABLE after_edit (id integer);");

    const error = await rejectionOf(migrate(db.sql, dir));

    expect(error.migration).toBe(edited);
    expect(error.message).toContain(path.join(edited, "migration.sql"));
    const status = await migrationStatus(db.sql, dir);
    expect(status.pending).toEqual([]);
    expect(status.error).toContain(path.join(edited, "migration.sql"));
    expect(await relationExists(db.sql, "after_edit")).toBe(false);
    expect(await migrationRows(db.sql)).toEqual(before);
  });

  it("rolls a failing migration back completely and keeps the ones before it", async () => {
    const dir = migrationsCopy({
      "20990101000000_good": `CREATE TABLE good_probe (id integer);`,
      "20990102000000_broken": [
        `CREATE TABLE half_written (id integer);`,
        `INSERT INTO half_written VALUES (1);`,
        `ALTER TABLE good_probe ADD COLUMN note text;`,
        `SELECT * FROM table_that_does_not_exist;`,
      ].join("\n"),
    });
    const db = await emptyDatabase();

    const error = await rejectionOf(migrate(db.sql, dir));

    expect(error.migration).toBe("20990102000000_broken");
    expect(error.message).toContain("20990102000000_broken");
    expect(error.message).toContain("table_that_does_not_exist");
    expect(await relationExists(db.sql, "half_written")).toBe(false);
    const goodColumns = await db.sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'good_probe' ORDER BY ordinal_position`,
    );
    expect(goodColumns).toEqual([{ column_name: "id" }]);
    const rows = await migrationRows(db.sql);
    expect(rows.filter((row) => row.finished_at !== null).map((row) => row.migration_name)).toEqual([
      ...MIGRATIONS,
      "20990101000000_good",
    ]);
    expect(rows.map((row) => row.migration_name)).not.toContain("20990102000000_broken");
    expect(await advisoryLocks(db.sql, true)).toBe(0);
    expect(await migrationStatus(db.sql, dir)).toEqual({ pending: ["20990102000000_broken"], error: null });

    // Nothing half-done is left to resolve by hand: the corrected file simply applies.
    writeFileSync(path.join(dir, "20990102000000_broken", "migration.sql"), `CREATE TABLE half_written (id integer);`);
    expect(await migrate(db.sql, dir)).toEqual(["20990102000000_broken"]);
  });
});

describe("migrationStatus", () => {
  it("reports the migrations a database has not applied yet, without changing it", async () => {
    const db = await emptyDatabase();

    expect(await migrationStatus(db.sql)).toEqual({ pending: MIGRATIONS, error: null });
    expect(await relationExists(db.sql, '"_prisma_migrations"')).toBe(false);

    await migrate(db.sql);
    const dir = migrationsCopy({
      "20990101000000_next": `CREATE TABLE next_probe (id integer);`,
      "20990102000000_after_next": `ALTER TABLE next_probe ADD COLUMN note text;`,
    });

    expect(await migrationStatus(db.sql, dir)).toEqual({
      pending: ["20990101000000_next", "20990102000000_after_next"],
      error: null,
    });
    expect(await migrationStatus(db.sql)).toEqual({ pending: [], error: null });
    expect(await relationExists(db.sql, "next_probe")).toBe(false);
  });
});

describe("migrate on embedded PGlite", () => {
  it("applies every migration once and then nothing", async () => {
    const dataDir = `memory://migrator-test-${randomBytes(4).toString("hex")}`;
    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(await migrate(db.sql)).toEqual(MIGRATIONS);
      expect(await migrate(db.sql)).toEqual([]);

      const rows = await migrationRows(db.sql);
      expect(rows.map((row) => row.migration_name)).toEqual(MIGRATIONS);
      for (const row of rows) {
        expect(row.id).toMatch(UUID);
        expect(row.checksum).toBe(sha256OfFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql")));
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
      }
      expect(await relationExists(db.sql, "subscriptions")).toBe(true);
      expect(await migrationStatus(db.sql)).toEqual({ pending: [], error: null });
    } finally {
      await db.close();
      await closePglite(dataDir);
    }
  });
});
