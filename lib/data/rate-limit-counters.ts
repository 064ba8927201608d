// Sliding-window counters in PostgreSQL (table rate_limit_counters), so every app server sees the
// same numbers. Hits are grouped in buckets; a window is the sum of the buckets it covers.
import type { SqlClient } from "@/lib/db/sql-client";

export type WindowCount = { count: number; buckets: { start: Date; count: number }[] };

function bucketStart(now: Date, bucketMs: number): Date {
  return new Date(Math.floor(now.getTime() / bucketMs) * bucketMs);
}

/**
 * Counts one hit and returns the hit's position in the window: concurrent hits on one key get
 * distinct positions (the upsert locks the bucket row), so a limit can be enforced exactly.
 */
export async function recordHit(
  sql: SqlClient,
  key: string,
  options: { now: Date; bucketMs: number; windowMs: number },
): Promise<number> {
  const start = bucketStart(options.now, options.bucketMs);
  const expiresAt = new Date(start.getTime() + options.bucketMs + options.windowMs);
  const [row] = await sql.query<{ position: number }>(
    `WITH hit AS (
       INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
       VALUES ($1, $2, 1, $3)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
       RETURNING count)
     SELECT (SELECT count FROM hit) + coalesce((
       SELECT sum(count) FROM rate_limit_counters
        WHERE key = $1 AND window_start > $4 AND window_start < $2), 0)::int AS position`,
    [key, start, expiresAt, new Date(options.now.getTime() - options.windowMs)],
  );
  return Number(row?.position ?? 1);
}

export async function countInWindow(sql: SqlClient, key: string, options: { now: Date; windowMs: number }): Promise<WindowCount> {
  const since = new Date(options.now.getTime() - options.windowMs);
  const rows = await sql.query<{ window_start: Date; count: number }>(
    `SELECT window_start, count FROM rate_limit_counters
      WHERE key = $1 AND window_start > $2 ORDER BY window_start`,
    [key, since],
  );
  const buckets = rows.map((row) => ({ start: new Date(row.window_start), count: Number(row.count) }));
  return { count: buckets.reduce((total, bucket) => total + bucket.count, 0), buckets };
}

export async function clearKey(sql: SqlClient, key: string): Promise<void> {
  await sql.query(`DELETE FROM rate_limit_counters WHERE key = $1`, [key]);
}

/** Removes counters nobody can read any more; cheap thanks to the expires_at index. */
export async function purgeExpiredCounters(sql: SqlClient, now: Date): Promise<number> {
  const rows = await sql.query<{ n: number }>(
    `WITH gone AS (DELETE FROM rate_limit_counters WHERE expires_at < $1 RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [now],
  );
  return rows[0]?.n ?? 0;
}
