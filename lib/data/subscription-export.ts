// The CSV export's rows: every serial the list's filters select (all pages), ordered by customer
// name then serial number, read in keyset batches so memory stays flat and no connection or
// cursor is held between batches. Works on PostgreSQL and PGlite through the SqlClient.
import { getSql } from "@/lib/db/connection";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { SUBSCRIPTION_FROM, subscriptionConditions } from "./subscription-filter-sql";
import { SqlParams } from "./sql-params";
import { readAhead } from "./subscription-export-reader";
import type { SubscriptionScope } from "./subscription-scope";

/**
 * Rows per query, and queries read ahead of the CSV writer. Measured on the largest manufacturer
 * of the 1M dataset: 2,000-row batches cost about 20% less CPU (server and database) than 500 or
 * 1,000, and the server's memory did not grow with the batch size; two batches ahead keep the
 * database busy while Node writes.
 */
export const EXPORT_BATCH_SIZE = 2000;
const READ_AHEAD = 2;

const ORDER = "ORDER BY c.name, s.serial_number";

export type SubscriptionExportRow = {
  customer_name: string;
  customer_document: string;
  customer_type: "LOJISTA" | "PROFISSIONAL";
  customer_city: string;
  customer_state: string;
  serial_number: string;
  product: string;
  plan: "MENSAL" | "ANUAL";
  status: StoredStatus;
  /** Instants as epoch milliseconds (see COLUMNS). */
  started_at: number;
  expires_at: number;
  billing_state: "ATIVA" | "PAUSADA" | "ENCERRADA";
  block_description: string | null;
  reason_label: string | null;
  machine_name: string | null;
  activated_at: number | null;
  last_seen_at: number | null;
  grace_days: number;
  swaps_30d: number;
};

export type ExportQueryOptions = {
  now: Date;
  batchSize?: number;
  /** Stops reading (between batches) when it aborts: the client went away. */
  signal?: AbortSignal;
};

// Instants travel as epoch milliseconds (float8): turning a timestamptz into text on the server and
// back into a Date in Node costs more than the rest of the row; the CSV wants only their dates.
const epochMs = (column: string) => `date_part('epoch', ${column}) * 1000`;

const COLUMNS = `c.name AS customer_name, c.document AS customer_document, c.type AS customer_type,
       c.city AS customer_city, c.state AS customer_state,
       s.serial_number, s.product, s.plan, s.status, s.billing_state,
       ${epochMs("s.started_at")} AS started_at, ${epochMs("s.expires_at")} AS expires_at,
       s.block_description, r.label AS reason_label, a.machine_name,
       ${epochMs("a.activated_at")} AS activated_at, ${epochMs("a.last_seen_at")} AS last_seen_at, m.grace_days`;

/**
 * The export's SELECT without LIMIT or keyset: what a batch reads, and what the benchmark hands to
 * `COPY` to measure PostgreSQL's own floor.
 */
export function subscriptionExportSql(scope: SubscriptionScope, filters: SubscriptionFilters, now: Date) {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  // The same scope stated on the customer too, so the planner walks customers in name order
  // ((manufacturer_id, name) index) instead of sorting every serial for each batch. Equivalent:
  // a customer belongs to the manufacturer whose serials it holds.
  conditions.push(
    scope.kind === "manufacturer"
      ? `c.manufacturer_id = ${params.add(scope.accountId)}`
      : `c.account_id = ${params.add(scope.accountId)}`,
  );
  const since = `${params.add(now)}::timestamptz - interval '30 days'`;
  // Swaps in the last 30 days, counted as the list counts them: only serials whose last swap is
  // that recent (s.last_swap_at) can have any, so the others skip the lookup.
  const select = `SELECT ${COLUMNS},
       CASE WHEN s.last_swap_at >= ${since} THEN
         (SELECT count(*) FROM activations w
           WHERE w.subscription_id = s.id AND w.deactivation_cause = 'SWAP' AND w.deactivated_at >= ${since})
       ELSE 0 END::int AS swaps_30d
  FROM ${SUBSCRIPTION_FROM}
  LEFT JOIN activations a ON a.subscription_id = s.id AND a.deactivated_at IS NULL
  LEFT JOIN reasons r ON r.id = s.block_reason_id`;
  return { select, conditions, params, order: ORDER };
}

/** Batches of rows in export order, read ahead of the consumer so the database and the CSV writer overlap. */
export async function* subscriptionExportBatches(
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  options: ExportQueryOptions,
): AsyncGenerator<SubscriptionExportRow[], void, undefined> {
  const { now, signal } = options;
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const sql = await getSql();
  const { select, conditions, params } = subscriptionExportSql(scope, filters, now);
  const where = conditions.join("\n   AND ");
  const limit = params.add(batchSize);
  const firstText = `${select}\n WHERE ${where}\n ${ORDER}\n LIMIT ${limit}`;
  // Keyset on (c.name, s.serial_number); serial numbers are unique, so the order is total.
  const lastName = `$${params.values.length + 1}`;
  const lastSerial = `$${params.values.length + 2}`;
  const nextText = `${select}
 WHERE ${where}
   AND c.name >= ${lastName} AND (c.name > ${lastName} OR s.serial_number > ${lastSerial})
 ${ORDER}
 LIMIT ${limit}`;

  // One short transaction per batch, only for SET LOCAL. Every batch runs the same statement with
  // another keyset value: a generic plan (the same index walk each time) costs half the CPU of a
  // custom plan re-derived for each value, and parallel workers or JIT compilation would cost more
  // than a batch itself (measured on the 1M dataset, see README "Exportar").
  const fetchAfter = (last: SubscriptionExportRow | null) =>
    sql.transaction(async (tx) => {
      await tx.exec(
        "SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off; " +
          // A batch is a few milliseconds of work: one that waits this long is stuck behind a lock.
          "SET LOCAL lock_timeout = '10s'; SET LOCAL statement_timeout = '60s'",
      );
      return last
        ? tx.query<SubscriptionExportRow>(nextText, [...params.values, last.customer_name, last.serial_number])
        : tx.query<SubscriptionExportRow>(firstText, params.values);
    });

  yield* readAhead(fetchAfter, { batchSize, depth: READ_AHEAD, signal });
}
