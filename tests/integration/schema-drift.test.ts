// Proves that prisma/migrations, applied to an empty database, build exactly what prisma/schema.prisma
// describes. The expected shape comes from Prisma's own parser (get_dmmf), the actual one from the
// PostgreSQL catalog; a change to one side without the other fails here with a readable diff.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrator";
import type { SqlClient } from "@/lib/db/sql-client";
import { SCHEMA_TEXT, expectedShape, schemaDrift } from "@/tests/support/schema-shape";
import { TEST_DB_PREFIX, databaseUrl, withAdmin } from "@/tests/support/postgres";
import { testDatabase } from "@/tests/support/test-database";

/** An empty scratch database with every migration applied, for tests that tamper with it. */
async function migratedScratchDatabase(): Promise<{ db: Database; drop(): Promise<void> }> {
  const name = `${TEST_DB_PREFIX}drift_${randomBytes(4).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const db = await openDatabase({ kind: "postgres", url: databaseUrl(name) });
  await migrate(db.sql);
  return {
    db,
    async drop() {
      await db.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same database", async () => {
    const { sql } = await testDatabase();

    expect(await schemaDrift(sql)).toEqual([]);
  });

  it("the expected side covers every kind of object the schema declares", () => {
    // Guards the comparison itself: a parser that silently read nothing would also give no diff.
    const expected = expectedShape(SCHEMA_TEXT);

    // One table per model (counted on the raw text, independently of the parser).
    expect(expected.tables.size).toBe(SCHEMA_TEXT.match(/^model \w+ \{/gm)?.length);
    expect(expected.tables.size).toBeGreaterThanOrEqual(10);
    expect(expected.columns.get("memberships.profiles")).toEqual({ type: "enum Profile[]", notNull: false, default: null });
    expect(expected.columns.get("customers.state")).toEqual({ type: "character(2)", notNull: true, default: null });
    expect(expected.primaryKeys.get("rate_limit_counters_pkey")).toEqual({
      table: "rate_limit_counters",
      columns: ["key", "window_start"],
    });
    expect(expected.indexes.get("customers_search_text_idx")).toMatchObject({
      method: "gin",
      columns: ["search_text gin_trgm_ops"],
    });
    expect(expected.indexes.get("subscription_events_subscription_id_created_at_idx")?.columns).toEqual([
      "subscription_id",
      "created_at DESC",
    ]);
    expect([...expected.indexes.values()].filter((index) => index.predicate !== null).map((index) => index.predicate)).toEqual([
      "status = 'SUSPENSA' and suspended_until is not null",
      "deactivation_cause = 'SWAP'",
      "deactivated_at is null",
      "state = 'PENDING'",
      "state = 'PENDING'",
    ]);
    expect(expected.foreignKeys.get("users_default_account_id_fkey")).toEqual({
      table: "users",
      columns: ["default_account_id"],
      references: "accounts(id)",
      onDelete: "SetNull",
      onUpdate: "Cascade",
    });
    expect(expected.extensions.has("pg_trgm")).toBe(true);
  });

  describe("on a database that drifted", () => {
    const scratches: { drop(): Promise<void> }[] = [];
    afterAll(async () => {
      for (const scratch of scratches) await scratch.drop();
    });
    async function driftedDatabase(script: string): Promise<SqlClient> {
      const scratch = await migratedScratchDatabase();
      scratches.push(scratch);
      await scratch.db.sql.exec(script);
      return scratch.db.sql;
    }

    it("reports a dropped column and a dropped index", async () => {
      const sql = await driftedDatabase(
        `ALTER TABLE subscriptions DROP COLUMN last_swap_at; DROP INDEX customers_search_text_idx;`,
      );

      expect((await schemaDrift(sql)).sort()).toEqual([
        "column subscriptions.last_swap_at: missing in the database",
        "index customers_search_text_idx: missing in the database",
        // PostgreSQL drops the indexes on a dropped column with it.
        "index subscriptions_manufacturer_customer_idx: missing in the database",
        "index subscriptions_manufacturer_id_last_swap_at_idx: missing in the database",
      ]);
    });

    it("reports every other kind of drift", async () => {
      const sql = await driftedDatabase(`
        ALTER TABLE reasons ALTER COLUMN label TYPE varchar(100);
        ALTER TABLE customers ALTER COLUMN city DROP NOT NULL;
        ALTER TABLE accounts ALTER COLUMN grace_days SET DEFAULT 30;
        ALTER TYPE "Plan" ADD VALUE 'SEMESTRAL';
        DROP INDEX activations_swaps_idx;
        CREATE INDEX activations_swaps_idx ON activations (subscription_id, deactivated_at) WHERE deactivation_cause = 'DESKTOP';
        DROP INDEX subscription_events_subscription_id_created_at_idx;
        CREATE INDEX subscription_events_subscription_id_created_at_idx ON subscription_events (subscription_id, created_at);
        ALTER TABLE memberships DROP CONSTRAINT memberships_user_id_fkey;
        ALTER TABLE memberships ADD CONSTRAINT memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE RESTRICT ON UPDATE CASCADE;
        ALTER TABLE rate_limit_counters DROP CONSTRAINT rate_limit_counters_pkey;
        ALTER TABLE rate_limit_counters ADD CONSTRAINT rate_limit_counters_pkey PRIMARY KEY (window_start, key);
        CREATE TABLE stray_table (id integer);
        DROP TRIGGER customers_search_text ON customers;
      `);

      const drift = await schemaDrift(sql);

      expect(drift).toEqual(
        expect.arrayContaining([
          `column reasons.label: type is "character varying(100)" in the database, expected "character varying(120)"`,
          `column customers.city: notNull is false in the database, expected true`,
          `column accounts.grace_days: default is "30" in the database, expected "15"`,
          `enum Plan: values is ["MENSAL","ANUAL","SEMESTRAL"] in the database, expected ["MENSAL","ANUAL"]`,
          `index activations_swaps_idx: predicate is "deactivation_cause = 'DESKTOP'" in the database, expected "deactivation_cause = 'SWAP'"`,
          `index subscription_events_subscription_id_created_at_idx: columns is ["subscription_id","created_at"] in the database, expected ["subscription_id","created_at DESC"]`,
          `foreign key memberships_user_id_fkey: onDelete is "Restrict" in the database, expected "Cascade"`,
          `primary key rate_limit_counters_pkey: columns is ["window_start","key"] in the database, expected ["key","window_start"]`,
          `table stray_table: in the database but not in schema.prisma`,
          `column stray_table.id: in the database but not in schema.prisma`,
          `hand-written object trigger customers.customers_search_text: missing in the database`,
        ]),
      );
      expect(drift).toHaveLength(11);
    });
  });
});
