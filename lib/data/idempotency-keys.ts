// Idempotency-Key claims of the integration API's POSTs (as Stripe does). A request first claims its
// key with one INSERT … ON CONFLICT; the winner runs and stores its answer in the same transaction as
// its write, so "written" and "answer kept" can't come apart. Everyone else gets the kept answer.
import type { SqlClient } from "@/lib/db/sql-client";

/** How long an answer is kept for retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredAnswer = { status: number; body: string };

export type Claim =
  /** This request owns the key: run it, then completeIdempotencyKey (or releaseIdempotencyKey). */
  | { kind: "claimed" }
  /** The first request's answer. */
  | { kind: "replay"; answer: StoredAnswer }
  /** Another request with this key is running right now. */
  | { kind: "in-progress" }
  /** The key was used for a different request. */
  | { kind: "mismatch" };

export async function claimIdempotencyKey(
  sql: SqlClient,
  apiKeyId: string,
  key: string,
  requestHash: string,
  now: Date,
): Promise<Claim> {
  // An expired claim is taken over in the same statement; a live one is left alone and read back.
  const [row] = await sql.query<{
    claimed: boolean;
    request_hash: string;
    status_code: number | null;
    response_body: string | null;
  }>(
    `WITH claim AS (
       INSERT INTO idempotency_keys (api_key_id, key, request_hash, expires_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (api_key_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = NULL, response_body = NULL,
             created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= $5
       RETURNING true AS claimed, request_hash, status_code, response_body
     )
     SELECT claimed, request_hash, status_code, response_body FROM claim
     UNION ALL
     SELECT false, request_hash, status_code, response_body FROM idempotency_keys
      WHERE api_key_id = $1 AND key = $2 AND NOT EXISTS (SELECT 1 FROM claim)`,
    [apiKeyId, key, requestHash, new Date(now.getTime() + IDEMPOTENCY_TTL_MS), now],
  );
  // Both branches empty: the row was claimed by a statement that committed after ours began (the
  // conflict made us wait for it); it is running or just done — the client retries shortly.
  if (!row) return { kind: "in-progress" };
  if (row.claimed) return { kind: "claimed" };
  if (row.request_hash !== requestHash) return { kind: "mismatch" };
  if (row.status_code === null) return { kind: "in-progress" };
  return { kind: "replay", answer: { status: row.status_code, body: row.response_body ?? "" } };
}

/** Stores the answer; call it on the transaction of the request's write. */
export async function completeIdempotencyKey(tx: SqlClient, apiKeyId: string, key: string, answer: StoredAnswer): Promise<void> {
  await tx.query(`UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE api_key_id = $1 AND key = $2`, [
    apiKeyId,
    key,
    answer.status,
    answer.body,
  ]);
}

/** Gives the key back when the request wrote nothing and its answer must not be kept (429, 5xx). */
export async function releaseIdempotencyKey(sql: SqlClient, apiKeyId: string, key: string): Promise<void> {
  await sql.query(`DELETE FROM idempotency_keys WHERE api_key_id = $1 AND key = $2 AND status_code IS NULL`, [apiKeyId, key]);
}

export async function purgeExpiredIdempotencyKeys(sql: SqlClient, now: Date): Promise<number> {
  const rows = await sql.query<{ n: number }>(
    `WITH gone AS (DELETE FROM idempotency_keys WHERE expires_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [now],
  );
  return rows[0]?.n ?? 0;
}
