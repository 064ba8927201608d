import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createLicensePool, licenseDbFromPool, type LicenseDb } from "@/lib/data/license-db";
import { CHECK_IN, LICENSE_CONNECTION_OPTIONS } from "@/lib/data/license-sql";
import { testDatabase } from "../support/test-database";

let db: LicenseDb | undefined;
afterAll(async () => {
  await db?.close();
});

const SETTING = { name: "test_synchronous_commit", text: "SELECT current_setting('synchronous_commit') AS value" };

describe("the license API's connections", () => {
  it("commit heartbeats without waiting for the WAL flush, but history durably", async () => {
    await testDatabase();
    db = licenseDbFromPool(createLicensePool(process.env.DATABASE_URL!, 2));
    expect(await db.query(SETTING, [])).toEqual([{ value: "off" }]);
    expect(await db.transaction((tx) => tx.query(SETTING, []))).toEqual([{ value: "on" }]);
    // SET LOCAL ends with the transaction: the connection goes back to the pool as it came.
    expect(await db.query(SETTING, [])).toEqual([{ value: "off" }]);
  });

  it("rolls a failed transaction back", async () => {
    const { sql } = await testDatabase();
    db ??= licenseDbFromPool(createLicensePool(process.env.DATABASE_URL!, 2));
    const insert = {
      name: "test_insert_counter",
      text: "INSERT INTO rate_limit_counters (key, window_start, count, expires_at) VALUES ($1, now(), 1, now())",
    };
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, ["lic:test:rollback"]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await sql.query(`SELECT 1 FROM rate_limit_counters WHERE key = 'lic:test:rollback'`)).toEqual([]);
  });

  it("keeps the check-in's cached plan on indexes even when planned against an empty counters table", async () => {
    await testDatabase();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: LICENSE_CONNECTION_OPTIONS });
    await client.connect();
    try {
      await client.query("ANALYZE rate_limit_counters");
      await client.query("SET plan_cache_mode = force_generic_plan");
      await client.query(
        `PREPARE check_in(text, text, timestamptz, timestamptz, timestamptz, int, int, text, timestamptz, text, text) AS ${CHECK_IN.text}`,
      );
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN EXECUTE check_in('k1', 'k2', now(), now(), now(), 1, 1, 'AAAA-AAAA-AAAA-AAAA', now(), 'm', NULL)`,
      );
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(plan).toContain("Index Scan using rate_limit_counters_pkey on rate_limit_counters");
      expect(plan).not.toMatch(/Seq Scan on (rate_limit_counters|subscriptions|activations)/);
    } finally {
      await client.end();
    }
  });
});
