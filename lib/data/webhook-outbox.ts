// The workers' side of the webhook outbox: claim due deliveries, record what each attempt got, and
// keep each endpoint's health. Claims are leases: a worker that dies mid-send loses its claim when
// the lease ends, and another worker sends the delivery again (at least once, same event id).
import { recordAccountEvent } from "@/lib/data/account-events";
import type { SqlClient } from "@/lib/db/sql-client";

export type ClaimedDelivery = {
  id: string;
  lease: string;
  eventId: string;
  eventType: string;
  payload: { id: string; type: string; createdAt: string; account: unknown; data: unknown };
  /** Counting this one. */
  attempts: number;
  retryFrom: Date;
  endpointId: string;
  url: string;
  /** The current secret, then the previous one while it is still valid. */
  secrets: string[];
};

/**
 * Claims up to `limit` due deliveries of enabled endpoints. Only the oldest pending delivery of a
 * serial (per endpoint) is due, so a serial's events arrive in order; SKIP LOCKED and the lease
 * keep two workers from ever holding the same delivery.
 */
export async function claimDeliveries(sql: SqlClient, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const rows = await sql.query<{
    id: string;
    lease: string;
    event_id: string;
    event_type: string;
    payload: ClaimedDelivery["payload"];
    attempts: number;
    retry_from: Date;
    endpoint_id: string;
    url: string;
    secret: string;
    previous_secret: string | null;
  }>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d
        WHERE d.state = 'PENDING' AND d.next_attempt_at <= now()
          AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND e.enabled)
          AND (d.locked_until IS NULL OR d.locked_until < now())
          AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries p
             WHERE p.endpoint_id = d.endpoint_id AND p.order_key = d.order_key AND p.state = 'PENDING' AND p.seq < d.seq)
        ORDER BY d.next_attempt_at, d.seq
        LIMIT $1
        FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE webhook_deliveries d
        SET locked_until = now() + $2 * interval '1 millisecond', lease = gen_random_uuid(), attempts = d.attempts + 1
       FROM due, webhook_endpoints e
      WHERE d.id = due.id AND e.id = d.endpoint_id
     RETURNING d.id, d.lease, d.event_id, d.event_type, d.payload, d.attempts, d.retry_from, e.id AS endpoint_id, e.url,
               e.secret, CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS previous_secret`,
    [limit, leaseMs],
  );
  return rows.map((row) => ({
    id: row.id,
    lease: row.lease,
    eventId: row.event_id,
    eventType: row.event_type,
    payload: row.payload,
    attempts: row.attempts,
    retryFrom: new Date(row.retry_from),
    endpointId: row.endpoint_id,
    url: row.url,
    secrets: row.previous_secret ? [row.secret, row.previous_secret] : [row.secret],
  }));
}

export type AttemptRecord = {
  deliveryId: string;
  lease: string;
  endpointId: string;
  attemptedAt: Date;
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
  /** When to try again; null once the retry window is over (the delivery fails). Ignored when ok. */
  nextAttemptAt: Date | null;
};

/**
 * Saves a batch of attempts in one statement. A delivery whose lease was lost (it outlived its
 * claim and another worker took it over) keeps the newer claim's state; its attempt is still logged.
 */
export async function recordAttempts(sql: SqlClient, records: AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  await sql.query(
    `WITH r AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::int[], $5::int[], $6::text[], $7::text[],
                            $8::timestamptz[], $9::timestamptz[], $10::uuid[])
         AS r(id, lease, ok, status_code, latency_ms, body, error, next_at, attempted_at, endpoint_id)
     ), healthy AS (
       -- A success ends the endpoint's failing streak (in this statement: one round trip per batch).
       UPDATE webhook_endpoints e SET failing_since = NULL
        WHERE e.failing_since IS NOT NULL AND e.id IN (SELECT r.endpoint_id FROM r WHERE r.ok)
     ), saved AS (
       UPDATE webhook_deliveries d
          SET state = (CASE WHEN r.ok THEN 'DELIVERED' WHEN r.next_at IS NULL THEN 'FAILED' ELSE 'PENDING' END)::"WebhookDeliveryState",
              next_attempt_at = CASE WHEN r.ok OR r.next_at IS NULL THEN d.next_attempt_at ELSE r.next_at END,
              delivered_at = CASE WHEN r.ok THEN now() ELSE d.delivered_at END,
              last_status_code = r.status_code, locked_until = NULL, lease = NULL
         FROM r
        WHERE d.id = r.id AND d.lease = r.lease
       RETURNING d.id
     )
     INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, response_body, error)
     SELECT r.id, r.attempted_at, r.status_code, r.latency_ms, r.body, r.error
       FROM r JOIN webhook_deliveries d ON d.id = r.id`,
    [
      records.map((r) => r.deliveryId),
      records.map((r) => r.lease),
      records.map((r) => r.ok),
      records.map((r) => r.statusCode),
      records.map((r) => r.latencyMs),
      records.map((r) => r.responseBody),
      records.map((r) => r.error),
      records.map((r) => (r.ok ? null : r.nextAttemptAt)),
      records.map((r) => r.attemptedAt),
      records.map((r) => r.endpointId),
    ],
  );
}

export type DisabledEndpoint = { id: string; accountId: string; url: string };

/**
 * An endpoint's health after a batch (its successes were handled by recordAttempts): a failure
 * starts a failing streak; a streak older than `disableAfterMs` turns the endpoint off (recorded in
 * the account's log). An endpoint with a success in the same batch is not failing.
 */
export async function updateEndpointHealth(
  sql: SqlClient,
  succeeded: string[],
  failed: string[],
  disableAfterMs: number,
): Promise<DisabledEndpoint[]> {
  if (succeeded.length) {
    await sql.query(
      `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ANY($1::uuid[]) AND failing_since IS NOT NULL`,
      [succeeded],
    );
  }
  const onlyFailed = failed.filter((id) => !succeeded.includes(id));
  if (!onlyFailed.length) return [];
  return sql.transaction(async (tx) => {
    await tx.query(`UPDATE webhook_endpoints SET failing_since = now() WHERE id = ANY($1::uuid[]) AND failing_since IS NULL`, [
      onlyFailed,
    ]);
    const disabled = await tx.query<{ id: string; account_id: string; url: string }>(
      `UPDATE webhook_endpoints SET enabled = false, disabled_reason = 'FAILING', updated_at = now()
        WHERE id = ANY($1::uuid[]) AND enabled AND failing_since <= now() - $2 * interval '1 millisecond'
       RETURNING id, account_id, url`,
      [onlyFailed, disableAfterMs],
    );
    for (const endpoint of disabled) {
      await recordAccountEvent(tx, {
        accountId: endpoint.account_id,
        actor: { kind: "SYSTEM" },
        type: "webhook.disabled_failing",
        target: { type: "webhook", id: endpoint.id, label: endpoint.url },
        before: { enabled: true },
        after: { enabled: false },
      });
    }
    return disabled.map((row) => ({ id: row.id, accountId: row.account_id, url: row.url }));
  });
}

/** Where to tell that an endpoint was turned off: the account's Responsáveis. */
export async function responsibleEmails(sql: SqlClient, accountId: string): Promise<string[]> {
  const rows = await sql.query<{ email: string }>(
    `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.account_id = $1 AND 'RESPONSAVEL' = ANY (m.profiles) ORDER BY u.email`,
    [accountId],
  );
  return rows.map((row) => row.email);
}
