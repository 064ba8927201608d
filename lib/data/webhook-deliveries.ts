// The delivery log of one endpoint (Integrações → Entregas) and "Reenviar". Every function takes the
// account, so another account's endpoint or delivery is simply not found.
import { getSql } from "@/lib/db/connection";
import { AppError } from "@/lib/errors";

export const DELIVERY_PAGE_SIZE = 50;
const ATTEMPTS_SHOWN = 5;

export type DeliveryState = "PENDING" | "DELIVERED" | "FAILED";

export type WebhookAttemptRow = {
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
};

export type WebhookDeliveryRow = {
  id: string;
  seq: string;
  eventId: string;
  eventType: string;
  serialNumber: string | null;
  state: DeliveryState;
  attempts: number;
  lastStatusCode: number | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  recentAttempts: WebhookAttemptRow[];
};

/** Newest first; `before` is the seq of the last row of the previous page. */
export async function listWebhookDeliveries(
  accountId: string,
  endpointId: string,
  options: { state?: DeliveryState; before?: string } = {},
): Promise<{ rows: WebhookDeliveryRow[]; nextBefore: string | null }> {
  const params: unknown[] = [accountId, endpointId, DELIVERY_PAGE_SIZE + 1];
  let where = "";
  if (options.state) {
    params.push(options.state);
    where += ` AND d.state = $${params.length}::"WebhookDeliveryState"`;
  }
  if (options.before && /^\d{1,19}$/.test(options.before)) {
    params.push(options.before);
    where += ` AND d.seq < $${params.length}::bigint`;
  }
  const rows = await (
    await getSql()
  ).query<{
    id: string;
    seq: string;
    event_id: string;
    event_type: string;
    serial_number: string | null;
    state: DeliveryState;
    attempts: number;
    last_status_code: number | null;
    next_attempt_at: Date;
    delivered_at: Date | null;
    created_at: Date;
    recent: {
      attemptedAt: string;
      statusCode: number | null;
      latencyMs: number;
      responseBody: string | null;
      error: string | null;
    }[];
  }>(
    `SELECT d.id, d.seq::text AS seq, d.event_id, d.event_type, d.serial_number, d.state, d.attempts, d.last_status_code,
            d.next_attempt_at, d.delivered_at, d.created_at,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('attemptedAt', a.attempted_at, 'statusCode', a.status_code,
                        'latencyMs', a.latency_ms, 'responseBody', a.response_body, 'error', a.error) ORDER BY a.attempted_at DESC)
                        FROM (SELECT * FROM webhook_attempts x WHERE x.delivery_id = d.id ORDER BY x.attempted_at DESC LIMIT ${ATTEMPTS_SHOWN}) a),
                     '[]'::jsonb) AS recent
       FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE e.account_id = $1 AND d.endpoint_id = $2 ${where}
      ORDER BY d.seq DESC
      LIMIT $3`,
    params,
  );
  const page = rows.slice(0, DELIVERY_PAGE_SIZE);
  return {
    rows: page.map((row) => ({
      id: row.id,
      seq: row.seq,
      eventId: row.event_id,
      eventType: row.event_type,
      serialNumber: row.serial_number,
      state: row.state,
      attempts: row.attempts,
      lastStatusCode: row.last_status_code,
      nextAttemptAt: row.state === "PENDING" ? new Date(row.next_attempt_at) : null,
      deliveredAt: row.delivered_at && new Date(row.delivered_at),
      createdAt: new Date(row.created_at),
      recentAttempts: row.recent.map((attempt) => ({ ...attempt, attemptedAt: new Date(attempt.attemptedAt) })),
    })),
    nextBefore: rows.length > DELIVERY_PAGE_SIZE ? page.at(-1)!.seq : null,
  };
}

/**
 * "Reenviar" one delivery: due now, with a fresh 24 h retry window, whatever its state. A delivery
 * being sent right now is left to that attempt.
 */
export async function redeliverWebhook(accountId: string, endpointId: string, deliveryId: string): Promise<void> {
  const sql = await getSql();
  const [row] = await sql.query<{ id: string }>(
    `SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = $1 AND d.endpoint_id = $2 AND e.account_id = $3`,
    [deliveryId, endpointId, accountId],
  );
  if (!row) throw new AppError("NOT_FOUND");
  await sql.query(
    `UPDATE webhook_deliveries SET state = 'PENDING', attempts = 0, next_attempt_at = now(), retry_from = now()
      WHERE id = $1 AND (locked_until IS NULL OR locked_until < now())`,
    [deliveryId],
  );
  await sql.query(`SELECT pg_notify('webhook_deliveries', '')`);
}

/** "Reenviar" every failed delivery created in [from, to); returns how many. */
export async function redeliverFailedWebhooks(accountId: string, endpointId: string, from: Date, to: Date): Promise<number> {
  const sql = await getSql();
  const rows = await sql.query<{ id: string }>(
    `UPDATE webhook_deliveries d SET state = 'PENDING', attempts = 0, next_attempt_at = now(), retry_from = now()
       FROM webhook_endpoints e
      WHERE e.id = d.endpoint_id AND e.account_id = $1 AND d.endpoint_id = $2
        AND d.state = 'FAILED' AND d.created_at >= $3 AND d.created_at < $4
     RETURNING d.id`,
    [accountId, endpointId, from, to],
  );
  if (rows.length) await sql.query(`SELECT pg_notify('webhook_deliveries', '')`);
  return rows.length;
}
