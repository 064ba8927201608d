// The SQL of the desktop license API, as named statements: the API runs them through its
// connections (lib/data/license-db.ts), and the benchmark's bare node:http "floor" runs the very
// same statements through pg. Hot paths are single statements that also count the rate limit, so a
// check-in is one round trip.
import { situationCase } from "./status-sql";

/** A statement with a name under which PostgreSQL keeps it prepared. */
export type Statement = { name: string; text: string };

/**
 * Session settings of the license connections (the benchmark's floor uses the same):
 * - synchronous_commit=off: single statements (check-in's último acesso, rate-limit counters) commit
 *   without waiting for the WAL flush; a database crash may forget the last fraction of a second of
 *   heartbeats — atomically, never half — which halves the cost of a check-in. Anything that writes
 *   history (activations, trocas, deactivations and their events) runs in a transaction that starts
 *   with DURABLE_COMMIT.
 * - enable_seqscan=off: every statement here is a lookup by index. Prepared statements keep a
 *   generic plan, and one made while rate_limit_counters is nearly empty (a new database) would go
 *   on scanning it whole as it grows to hundreds of thousands of rows.
 */
export const LICENSE_CONNECTION_OPTIONS = "-c TimeZone=UTC -c synchronous_commit=off -c enable_seqscan=off";
export const DURABLE_COMMIT = "SET LOCAL synchronous_commit TO on";

const statement = (name: string, text: string): Statement => ({ name: `license_${name}`, text });

/**
 * Rate-limit CTEs that start every statement: $1 serial key, $2 IP key, $3 bucket start,
 * $4 counter expiry, $5 window start, $6 per-serial limit, $7 per-IP limit; a statement's own
 * parameters start at $8. The LEFT JOIN reads the statement's snapshot, i.e. the older buckets;
 * the current one comes from the upsert.
 */
const RATE_LIMIT_CTES = `
hit AS (
  INSERT INTO rate_limit_counters AS r (key, window_start, count, expires_at)
  VALUES ($1, $3, 1, $4), ($2, $3, 1, $4)
  ON CONFLICT (key, window_start) DO UPDATE SET count = r.count + 1
  RETURNING r.key, r.count
), usage AS (
  SELECT h.key, h.count + coalesce(sum(p.count), 0)::int AS used, coalesce(min(p.window_start), $3) AS oldest
    FROM hit h
    LEFT JOIN rate_limit_counters p ON p.key = h.key AND p.window_start > $5 AND p.window_start < $3
   GROUP BY h.key, h.count
), limited AS (
  SELECT coalesce(bool_or(used > CASE WHEN key = $1 THEN $6::int ELSE $7::int END), false) AS over FROM usage
), rate AS (
  SELECT max(used) FILTER (WHERE key = $1) AS serial_used, max(used) FILTER (WHERE key = $2) AS ip_used,
         min(oldest) FILTER (WHERE key = $1) AS serial_oldest, min(oldest) FILTER (WHERE key = $2) AS ip_oldest
    FROM usage
)`;

const SERIAL_COLUMNS = `s.id, s.manufacturer_id, s.status::text AS status, s.expires_at, m.grace_days, m.swap_limit, r.label AS reason`;
const SERIAL_FROM = `subscriptions s
    JOIN accounts m ON m.id = s.manufacturer_id
    LEFT JOIN reasons r ON r.id = s.block_reason_id`;

/** The desktop may run (Ativa or Período de Tolerância), by the SQL twin of the status rule. */
const ALLOWED = `${situationCase("$9::timestamptz", "sub", "sub.grace_days")} IN ('ATIVA', 'TOLERANCIA')`;

/**
 * Check-in: count the hit, read the serial and its active computer, and — when within limits,
 * allowed and this is the active computer — record último acesso. $8 serial, $9 now,
 * $10 machine id, $11 app version (null: unchanged).
 */
export const CHECK_IN = statement(
  "check_in",
  `WITH ${RATE_LIMIT_CTES}, sub AS (
  SELECT ${SERIAL_COLUMNS}, a.id AS activation_id, a.machine_id AS active_machine_id
    FROM ${SERIAL_FROM}
    LEFT JOIN activations a ON a.subscription_id = s.id AND a.deactivated_at IS NULL
   WHERE s.serial_number = $8
), touched AS (
  UPDATE activations a SET last_seen_at = $9, app_version = coalesce($11, a.app_version)
    FROM sub, limited
   WHERE a.id = sub.activation_id AND a.deactivated_at IS NULL AND sub.active_machine_id = $10
     AND NOT limited.over AND ${ALLOWED}
  RETURNING a.id
)
SELECT rate.*, sub.*, EXISTS (SELECT 1 FROM touched) AS touched FROM rate LEFT JOIN sub ON true`,
);

/**
 * Desktop deactivation: closes this computer's activation (cause DESKTOP) and writes the
 * DEACTIVATED event in the same statement. $8 serial, $9 now, $10 machine id.
 */
export const DESKTOP_DEACTIVATE = statement(
  "desktop_deactivate",
  `WITH ${RATE_LIMIT_CTES}, sub AS (
  SELECT ${SERIAL_COLUMNS} FROM ${SERIAL_FROM} WHERE s.serial_number = $8
), closed AS (
  UPDATE activations a SET deactivated_at = $9, deactivation_cause = 'DESKTOP', last_seen_at = $9
    FROM sub, limited
   WHERE a.subscription_id = sub.id AND a.machine_id = $10 AND a.deactivated_at IS NULL AND NOT limited.over
  RETURNING a.id, sub.id AS subscription_id, sub.manufacturer_id
), event AS (
  INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type, activation_id, created_at)
  SELECT subscription_id, manufacturer_id, 'DESKTOP', 'DEACTIVATED', id, $9 FROM closed
)
SELECT rate.*, sub.*, (SELECT count(*) FROM closed)::int AS closed FROM rate LEFT JOIN sub ON true`,
);

/**
 * Activation, step 1 (inside the transaction): count the hit and lock the serial, so concurrent
 * activations of one serial run one after the other. $8 serial.
 */
export const ACTIVATION_LOCK = statement(
  "activation_lock",
  `WITH ${RATE_LIMIT_CTES}, sub AS (
  SELECT ${SERIAL_COLUMNS} FROM ${SERIAL_FROM} WHERE s.serial_number = $8 FOR UPDATE OF s
)
SELECT rate.*, sub.* FROM rate LEFT JOIN sub ON true`,
);

/**
 * Activation, step 2 (after the lock, so a fresh snapshot): the active computer and the swaps of
 * the rolling window, oldest first. $1 subscription id, $2 window start.
 */
export const ACTIVATION_CURRENT = statement(
  "activation_current",
  `SELECT a.id AS activation_id, a.machine_id AS active_machine_id,
       array(SELECT x.deactivated_at FROM activations x
              WHERE x.subscription_id = $1 AND x.deactivation_cause = 'SWAP' AND x.deactivated_at > $2
              ORDER BY x.deactivated_at) AS swaps
  FROM (SELECT 1) one
  LEFT JOIN activations a ON a.subscription_id = $1 AND a.deactivated_at IS NULL`,
);

/** Same computer again: idempotent, only último acesso and the computer's details change. */
export const ACTIVATION_TOUCH = statement(
  "activation_touch",
  `UPDATE activations SET last_seen_at = $2, machine_name = $3, os = $4, app_version = $5
 WHERE id = $1 AND deactivated_at IS NULL`,
);

/** A troca: the old computer's activation is closed with cause SWAP. $1 activation, $2 now. */
export const ACTIVATION_CLOSE_SWAP = statement(
  "activation_close_swap",
  `UPDATE activations SET deactivated_at = $2, deactivation_cause = 'SWAP'
 WHERE id = $1 AND deactivated_at IS NULL`,
);

/**
 * The new activation and its event (ACTIVATED, or SWAPPED with last_swap_at) in one statement.
 * $1 subscription, $2 machine id, $3 name, $4 OS, $5 app version, $6 now, $7 manufacturer,
 * $8 is a swap.
 */
export const ACTIVATION_OPEN = statement(
  "activation_open",
  `WITH created AS (
  INSERT INTO activations (subscription_id, machine_id, machine_name, os, app_version, activated_at, last_seen_at)
  VALUES ($1, $2, $3, $4, $5, $6, $6)
  RETURNING id
), event AS (
  INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type, activation_id, created_at)
  SELECT $1, $7, 'DESKTOP', CASE WHEN $8::boolean THEN 'SWAPPED' ELSE 'ACTIVATED' END::"EventType", id, $6 FROM created
), swapped AS (
  UPDATE subscriptions SET last_swap_at = $6, updated_at = $6 WHERE id = $1 AND $8::boolean
)
SELECT id FROM created`,
);

/** The IP-only count for endpoints without a serial (verify). */
export const RATE_ONLY = statement("rate_only", `WITH ${RATE_LIMIT_CTES} SELECT rate.* FROM rate`);
