// The Fabricante → Assinaturas list (and Minhas assinaturas): a page of customers that have serials
// matching the filters, each with its matching serials, plus the counts the page shows. Every query
// is scoped (subscription-scope.ts) and filtered by the same conditions as the CSV export.
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { SITUATIONS, type Situation, type StoredStatus } from "@/lib/domain/subscription-status";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { SqlParams } from "./sql-params";
import { graceExpression, subscriptionConditions } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";
import { situationCase } from "./status-sql";

/** A customer with many serials shows this many in its row; a link filters to all of them. */
export const SERIALS_PER_CUSTOMER = 50;

export type SerialRow = {
  id: string;
  serialNumber: string;
  product: string;
  plan: "MENSAL" | "ANUAL";
  status: StoredStatus;
  expiresAt: Date;
  graceDays: number;
  manufacturerName: string;
  blockReason: string | null;
  machineName: string | null;
  lastSeenAt: Date | null;
  swaps30d: number;
};

export type CustomerGroup = {
  id: string;
  name: string;
  document: string;
  type: "LOJISTA" | "PROFISSIONAL";
  city: string;
  state: string;
  bySituation: Record<Situation, number>;
  serialCount: number;
  serials: SerialRow[];
};

export type SubscriptionListPage = {
  customers: CustomerGroup[];
  customerCount: number;
  serialCount: number;
  /** Counts per situation for the current filters without the status filters (the chips). */
  chips: Record<Situation, number>;
  pageCount: number;
};

const zeroSituations = () => Object.fromEntries(SITUATIONS.map((situation) => [situation, 0])) as Record<Situation, number>;

function where(conditions: string[]): string {
  return conditions.join("\n   AND ");
}

async function chipCounts(sql: SqlClient, scope: SubscriptionScope, filters: SubscriptionFilters, now: Date) {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now, omitStatus: true });
  const situation = situationCase(`${params.add(now)}::timestamptz`, "s", graceExpression(scope, params));
  const rows = await sql.query<{ situation: Situation; n: number }>(
    `SELECT ${situation} AS situation, count(*)::int AS n FROM subscriptions s WHERE ${where(conditions)} GROUP BY 1`,
    params.values,
  );
  const chips = zeroSituations();
  for (const row of rows) chips[row.situation] = row.n;
  return chips;
}

async function totals(sql: SqlClient, scope: SubscriptionScope, filters: SubscriptionFilters, now: Date) {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  const [row] = await sql.query<{ customers: number; serials: number }>(
    `SELECT count(*)::int AS customers, coalesce(sum(n), 0)::int AS serials
       FROM (SELECT s.customer_id, count(*) AS n FROM subscriptions s WHERE ${where(conditions)} GROUP BY s.customer_id) per_customer`,
    params.values,
  );
  return row ?? { customers: 0, serials: 0 };
}

function customerScopeCondition(scope: SubscriptionScope, params: SqlParams): string {
  return scope.kind === "manufacturer"
    ? `c.manufacturer_id = ${params.add(scope.accountId)}`
    : `c.account_id = ${params.add(scope.accountId)}`;
}

/** The ids of this page's customers, in the chosen order. */
async function customerPage(
  sql: SqlClient,
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  now: Date,
): Promise<string[]> {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  const limit = params.add(filters.porPagina);
  const offset = params.add((filters.pagina - 1) * filters.porPagina);
  let text: string;
  if (filters.ordem === "vencimento") {
    const nowParam = `${params.add(now)}::timestamptz`;
    text = `SELECT c.id FROM (
              SELECT s.customer_id,
                     min(s.expires_at) FILTER (WHERE s.expires_at >= ${nowParam}) AS next_expiry,
                     min(s.expires_at) AS first_expiry
                FROM subscriptions s WHERE ${where(conditions)} GROUP BY s.customer_id) agg
              JOIN customers c ON c.id = agg.customer_id
             ORDER BY agg.next_expiry NULLS LAST, agg.first_expiry, c.search_text, c.id
             LIMIT ${limit} OFFSET ${offset}`;
  } else if (filters.ordem === "trocas") {
    const since = `${params.add(now)}::timestamptz - interval '30 days'`;
    text = `WITH swapping AS (
              SELECT s.customer_id, count(a.id) AS swaps
                FROM subscriptions s
                JOIN activations a ON a.subscription_id = s.id AND a.deactivation_cause = 'SWAP' AND a.deactivated_at >= ${since}
               WHERE ${where(conditions)} AND s.last_swap_at >= ${since}
               GROUP BY s.customer_id)
            SELECT c.id FROM customers c LEFT JOIN swapping sw ON sw.customer_id = c.id
             WHERE ${customerScopeCondition(scope, params)}
               AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = c.id AND ${where(conditions)})
             ORDER BY coalesce(sw.swaps, 0) DESC, c.search_text, c.id
             LIMIT ${limit} OFFSET ${offset}`;
  } else {
    text = `SELECT c.id FROM customers c
             WHERE ${customerScopeCondition(scope, params)}
               AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = c.id AND ${where(conditions)})
             ORDER BY c.search_text, c.id
             LIMIT ${limit} OFFSET ${offset}`;
  }
  const rows = await sql.query<{ id: string }>(text, params.values);
  return rows.map((row) => row.id);
}

type SerialRecord = Omit<SerialRow, "expiresAt" | "lastSeenAt"> & {
  customerId: string;
  expiresAt: Date | string;
  lastSeenAt: Date | string | null;
};

async function serialsOf(
  sql: SqlClient,
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  customerIds: string[],
  now: Date,
) {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  const ids = params.add(customerIds);
  const perCustomer = params.add(SERIALS_PER_CUSTOMER);
  const since = `${params.add(now)}::timestamptz - interval '30 days'`;
  // Details are joined only for the rows shown, not for every serial of a very large customer.
  return sql.query<SerialRecord>(
    `SELECT s.id, s.serial_number AS "serialNumber", s.customer_id AS "customerId", s.product, s.plan, s.status,
            s.expires_at AS "expiresAt", m.grace_days AS "graceDays", m.name AS "manufacturerName",
            r.label AS "blockReason", a.machine_name AS "machineName", a.last_seen_at AS "lastSeenAt",
            CASE WHEN s.last_swap_at >= ${since} THEN
              (SELECT count(*) FROM activations sw
                WHERE sw.subscription_id = s.id AND sw.deactivation_cause = 'SWAP' AND sw.deactivated_at >= ${since})
            ELSE 0 END::int AS "swaps30d"
       FROM (SELECT s.id, row_number() OVER (PARTITION BY s.customer_id ORDER BY s.serial_number) AS position
               FROM subscriptions s
              WHERE s.customer_id = ANY(${ids}::uuid[]) AND ${where(conditions)}) shown
       JOIN subscriptions s ON s.id = shown.id
       JOIN accounts m ON m.id = s.manufacturer_id
       LEFT JOIN reasons r ON r.id = s.block_reason_id
       LEFT JOIN activations a ON a.subscription_id = s.id AND a.deactivated_at IS NULL
      WHERE shown.position <= ${perCustomer}
      ORDER BY s.serial_number`,
    params.values,
  );
}

async function situationsOf(
  sql: SqlClient,
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  customerIds: string[],
  now: Date,
) {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  const ids = params.add(customerIds);
  const situation = situationCase(`${params.add(now)}::timestamptz`, "s", graceExpression(scope, params));
  return sql.query<{ customer_id: string; situation: Situation; n: number }>(
    `SELECT s.customer_id, ${situation} AS situation, count(*)::int AS n
       FROM subscriptions s WHERE s.customer_id = ANY(${ids}::uuid[]) AND ${where(conditions)} GROUP BY 1, 2`,
    params.values,
  );
}

export async function listSubscriptions(
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  now = new Date(),
): Promise<SubscriptionListPage> {
  const sql = await getSql();
  const [chips, total, customerIds] = await Promise.all([
    chipCounts(sql, scope, filters, now),
    totals(sql, scope, filters, now),
    customerPage(sql, scope, filters, now),
  ]);
  const pageCount = Math.max(1, Math.ceil(total.customers / filters.porPagina));
  if (!customerIds.length) return { customers: [], customerCount: total.customers, serialCount: total.serials, chips, pageCount };

  const [customers, serials, situations] = await Promise.all([
    sql.query<Omit<CustomerGroup, "bySituation" | "serialCount" | "serials">>(
      `SELECT id, name, document, type, city, state FROM customers WHERE id = ANY($1::uuid[])`,
      [customerIds],
    ),
    serialsOf(sql, scope, filters, customerIds, now),
    situationsOf(sql, scope, filters, customerIds, now),
  ]);
  const groups = new Map(
    customers.map((customer) => [
      customer.id,
      { ...customer, bySituation: zeroSituations(), serialCount: 0, serials: [] as SerialRow[] },
    ]),
  );
  for (const row of situations) {
    const group = groups.get(row.customer_id)!;
    group.bySituation[row.situation] = row.n;
    group.serialCount += row.n;
  }
  for (const { customerId, ...serial } of serials) {
    groups.get(customerId)!.serials.push({
      ...serial,
      expiresAt: new Date(serial.expiresAt),
      lastSeenAt: serial.lastSeenAt ? new Date(serial.lastSeenAt) : null,
    });
  }
  return {
    customers: customerIds.map((id) => groups.get(id)!),
    customerCount: total.customers,
    serialCount: total.serials,
    chips,
    pageCount,
  };
}
