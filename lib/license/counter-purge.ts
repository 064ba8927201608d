// Rate-limit counters are written by every API request; this drops the ones no window can read any
// more. Every server runs it and one at a time does the work (an advisory lock), so nothing depends
// on one process. Often, so each delete stays small: at thousands of requests per second, a purge a
// minute removes hundreds of thousands of rows at once (~0.2 s of the database per 100,000) and
// shows up in the API's latency; every 2 s it is a few milliseconds.
import { purgeExpiredIdempotencyKeys } from "@/lib/data/idempotency-keys";
import { purgeExpiredCounters } from "@/lib/data/rate-limit-counters";
import type { SqlClient } from "@/lib/db/sql-client";

const LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('portal-assinaturas.counter-purge')) AS locked";

export async function purgeCountersOnce(sql: SqlClient, now = new Date()): Promise<number | null> {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ locked: boolean }>(LOCK);
    if (!row?.locked) return null;
    // Kept answers of the integration API's Idempotency-Keys expire the same way.
    await purgeExpiredIdempotencyKeys(tx, now);
    return purgeExpiredCounters(tx, now);
  });
}

export function startCounterPurge(sql: SqlClient, intervalMs = 2_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    purgeCountersOnce(sql)
      .catch((error: unknown) => {
        console.warn("[license-api] could not purge rate-limit counters:", error instanceof Error ? error.message : error);
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
