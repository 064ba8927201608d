// Bulk insert for the seeds: rows travel as one JSON parameter per batch and PostgreSQL (or PGlite)
// turns them into typed records, so a batch is one round trip whatever its size.
import type { SqlClient } from "../../lib/db/sql-client";

const BATCH = 2000;

/** Inserts rows whose keys are column names; every row must have the same keys. */
export async function insertRows(sql: SqlClient, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!)
    .map((column) => `"${column}"`)
    .join(", ");
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH));
    await sql.query(
      `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      [batch],
    );
  }
}
