// The Fabricante → Assinaturas list (and Minhas assinaturas): a page of customers that have serials
// matching the filters, each with its matching serials, plus the counts the page shows. Every query
// is scoped (subscription-scope.ts) and filtered by the same conditions as the CSV export.
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { SITUATIONS, type Situation } from "@/lib/domain/subscription-status";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { SqlParams } from "./sql-params";
import { matchingCustomerIds } from "./customer-matches";
import { nameKeyset, type NameKeyset } from "./subscription-list-keyset";
import {
  customerScopeCondition,
  customerSearchCondition,
  graceExpression,
  subscriptionConditions,
  type FilterSqlOptions,
} from "./subscription-filter-sql";
import { customerSerials, type SerialRow } from "./customer-serials";
import type { SubscriptionScope } from "./subscription-scope";
import { situationCase, situationPredicate, situationsSelected } from "./status-sql";

export type { SerialRow };

export type CustomerGroup = {
  id: string;
  name: string;
  document: string;
  type: "LOJISTA" | "PROFISSIONAL";
  city: string;
  state: string;
  /** The manufacturer the customer belongs to: what a lojista's own list is grouped by. */
  manufacturerName: string;
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

/**
 * Filters that an index answers by itself together with status and expiry — (manufacturer_id,
 * status, expires_at), or (manufacturer_id, product, status, expires_at, …) for a product: the
 * chips are then six index range counts instead of a pass that works out each serial's situation.
 */
function countsByRange(scope: SubscriptionScope, filters: SubscriptionFilters): boolean {
  return scope.kind === "manufacturer" && !filters.cliente && !filters.serie && !filters.maquina && !filters.trocas;
}

/**
 * Serials per situation for the current filters without the status filters (the chips); in the
 * pass over each serial's situation (a text, machine or swap filter) also the customers with serials
 * in the situations the status filters keep — the customer count without a second pass.
 */
async function chipCounts(
  sql: SqlClient,
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  options: FilterSqlOptions,
): Promise<{ chips: Record<Situation, number>; customers: number | null }> {
  const { now } = options;
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { ...options, omitStatus: true });
  const nowParam = `${params.add(now)}::timestamptz`;
  const grace = graceExpression(scope, params);
  const chips = zeroSituations();
  if (countsByRange(scope, filters)) {
    const counts = SITUATIONS.map(
      (situation) =>
        `(SELECT count(*) FROM subscriptions s WHERE ${where([...conditions, situationPredicate(situation, nowParam, "s", grace)])})::int AS "${situation}"`,
    );
    const [row] = await sql.query<Record<Situation, number>>(`SELECT ${counts.join(",\n       ")}`, params.values);
    return { chips: { ...chips, ...row }, customers: null };
  }
  const kept = params.add(situationsSelected(filters.status, filters.situacao));
  const rows = await sql.query<{ situation: Situation | "customers"; n: number }>(
    `WITH matched AS MATERIALIZED (
       SELECT s.customer_id, ${situationCase(nowParam, "s", grace)} AS situation FROM subscriptions s WHERE ${where(conditions)})
     SELECT situation, count(*)::int AS n FROM matched GROUP BY 1
     UNION ALL
     SELECT 'customers', count(DISTINCT customer_id)::int FROM matched WHERE situation = ANY(${kept}::text[])`,
    params.values,
  );
  let customers = 0;
  for (const row of rows) {
    if (row.situation === "customers") customers = row.n;
    else chips[row.situation] = row.n;
  }
  return { chips, customers };
}

/** How many customers have serials matching all the filters. */
async function customerCount(sql: SqlClient, scope: SubscriptionScope, filters: SubscriptionFilters, options: FilterSqlOptions) {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, options);
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT DISTINCT s.customer_id FROM subscriptions s WHERE ${where(conditions)}) matched`,
    params.values,
  );
  return row?.n ?? 0;
}

type PageQuery = {
  conditions: string;
  customers: string;
  /** The customer search applied to `c` itself ("" without one); adds its parameter when called. */
  search: () => string;
  params: SqlParams;
  limit: string;
  offset: string;
  /** "By name": the customer's name, or for a lojista's own list (one group per manufacturer) the manufacturer's. */
  byName: string;
};

/**
 * By next expiry. Grouping every matching serial by customer is needed for the order anyway, so
 * the same pass also counts the customers (the separate count is skipped for this order).
 */
function pageByExpiry({ conditions, customers, params, limit, offset }: PageQuery, now: Date): string {
  const nowParam = `${params.add(now)}::timestamptz`;
  return `WITH agg AS MATERIALIZED (
            SELECT s.customer_id,
                   min(s.expires_at) FILTER (WHERE s.expires_at >= ${nowParam}) AS next_expiry,
                   min(s.expires_at) AS first_expiry
              FROM subscriptions s WHERE ${conditions} GROUP BY s.customer_id)
          SELECT (SELECT count(*) FROM agg)::int AS total,
                 array(SELECT c.id::text FROM agg JOIN customers c ON c.id = agg.customer_id
                        WHERE ${customers}
                        ORDER BY agg.next_expiry NULLS LAST, agg.first_expiry, c.search_text, c.id
                        LIMIT ${limit} OFFSET ${offset}) AS ids`;
}

/**
 * Customers with recent swaps first (most swaps, then by name), then everyone else by name. The
 * two parts are paged separately — the second only when the page reaches it, walking customers
 * in name order — so page 1 never sorts customers that have no swaps.
 */
function pageBySwaps({ conditions, customers, search, params, limit, offset }: PageQuery, now: Date): string {
  const since = `${params.add(now)}::timestamptz - interval '30 days'`;
  const swapsOf = (customer: string) => `SELECT 1 FROM subscriptions s
                JOIN activations a ON a.subscription_id = s.id AND a.deactivation_cause = 'SWAP' AND a.deactivated_at >= ${since}
               WHERE s.customer_id = ${customer} AND ${conditions} AND s.last_swap_at >= ${since}`;
  return `WITH swapping AS MATERIALIZED (
            SELECT c.id, sw.swaps, c.search_text
              FROM (SELECT s.customer_id, count(*) AS swaps
                      FROM subscriptions s
                      JOIN activations a ON a.subscription_id = s.id AND a.deactivation_cause = 'SWAP' AND a.deactivated_at >= ${since}
                     WHERE ${conditions} AND s.last_swap_at >= ${since}
                     GROUP BY s.customer_id) sw
              JOIN customers c ON c.id = sw.customer_id
             WHERE ${customers}),
          head AS (SELECT id, 1 AS part, swaps, search_text FROM swapping
                    ORDER BY swaps DESC, search_text, id LIMIT ${limit} OFFSET ${offset}),
          tail AS (SELECT c.id, 2 AS part, 0 AS swaps, c.search_text FROM customers c
                    WHERE ${customers} ${search()}
                      AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = c.id AND ${conditions})
                      AND NOT EXISTS (${swapsOf("c.id")})
                    ORDER BY c.search_text, c.id
                    LIMIT ${limit}::int - (SELECT count(*) FROM head)
                   OFFSET greatest(0, ${offset}::int - (SELECT count(*) FROM swapping)))
          SELECT id FROM (SELECT * FROM head UNION ALL SELECT * FROM tail) page
           ORDER BY part, swaps DESC, search_text, id`;
}

function pageByName(
  { conditions, customers, search, limit, offset, byName }: PageQuery,
  fromSerials: boolean,
  keyset: NameKeyset | null,
): string {
  // With a keyset the page starts at its cursor (offset 0); read backwards, it is reversed later.
  const start = keyset ? `AND ${keyset.condition}` : "";
  const order = keyset?.backwards ? "c.search_text DESC, c.id DESC" : byName;
  const page = `LIMIT ${limit} OFFSET ${offset}`;
  if (fromSerials) {
    // Serial and machine searches select few serials: start from them, not from every customer.
    return `WITH matched AS MATERIALIZED (SELECT DISTINCT s.customer_id FROM subscriptions s WHERE ${conditions})
            SELECT c.id FROM matched JOIN customers c ON c.id = matched.customer_id
             WHERE ${customers} ${start}
             ORDER BY ${order}
             ${page}`;
  }
  return `SELECT c.id FROM customers c
           WHERE ${customers} ${search()} ${start}
             AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = c.id AND ${conditions})
           ORDER BY ${order}
           ${page}`;
}

/** The ids of this page's customers, in the chosen order, and their total when the query counted it. */
async function customerPage(
  sql: SqlClient,
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  options: FilterSqlOptions,
): Promise<{ ids: string[]; total: number | null }> {
  const { now, matchedCustomers } = options;
  const params = new SqlParams();
  const { cliente } = filters;
  const keyset = nameKeyset(scope, filters, params);
  const query: PageQuery = {
    conditions: where(subscriptionConditions(scope, filters, params, options)),
    customers: customerScopeCondition(scope, "c", params),
    // The customer search also applies to the customer itself, so only the matching customers are
    // walked (the subscription condition alone can only check them one by one).
    search: () =>
      !cliente
        ? ""
        : matchedCustomers
          ? `AND c.id = ANY(${params.add(matchedCustomers)}::uuid[])`
          : `AND ${customerSearchCondition("c", cliente, params)}`,
    params,
    limit: params.add(filters.porPagina),
    offset: params.add(keyset ? 0 : (filters.pagina - 1) * filters.porPagina),
    byName:
      scope.kind === "customer"
        ? "(SELECT search_normalize(m.name) FROM accounts m WHERE m.id = c.manufacturer_id), c.id"
        : "c.search_text, c.id",
  };
  if (filters.ordem === "vencimento") {
    const [row] = await sql.query<{ total: number; ids: string[] }>(pageByExpiry(query, now), params.values);
    return { ids: row?.ids ?? [], total: row?.total ?? 0 };
  }
  if (filters.ordem === "trocas") {
    const rows = await sql.query<{ id: string }>(pageBySwaps(query, now), params.values);
    return { ids: rows.map((row) => row.id), total: null };
  }
  const fromSerials = Boolean(filters.serie || filters.maquina);
  const rows = await sql.query<{ id: string }>(pageByName(query, fromSerials, keyset), params.values);
  const ids = rows.map((row) => row.id);
  if (keyset?.backwards) ids.reverse();
  // A cursor that no longer leads anywhere (its customer gone, or the list changed under it): the
  // page is found by its number instead.
  if (keyset && !ids.length) return customerPage(sql, scope, { ...filters, apos: undefined, antes: undefined }, options);
  return { ids, total: null };
}

async function situationsOf(
  sql: SqlClient,
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  customerIds: string[],
  options: FilterSqlOptions,
) {
  const { now } = options;
  const params = new SqlParams();
  // The page's customers are already the matching ones: the customer search adds nothing here.
  const conditions = subscriptionConditions(scope, { ...filters, cliente: undefined }, params, options);
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
  /** The page loads a customer's serials when its row is opened; tests and one-customer pages ask for them here. */
  options: { withSerials: boolean } = { withSerials: true },
): Promise<SubscriptionListPage> {
  const sql = await getSql();
  // The customer search is matched once, and the ids shared by every query of the page.
  const matchedCustomers = filters.cliente ? await matchingCustomerIds(sql, scope, filters.cliente) : null;
  if (matchedCustomers?.length === 0) {
    return { customers: [], customerCount: 0, serialCount: 0, chips: zeroSituations(), pageCount: 1 };
  }
  const conditionOptions: FilterSqlOptions = { now, ...(matchedCustomers ? { matchedCustomers } : {}) };
  // The customers are counted by the chips' pass, by the expiry order's, or else on their own.
  const countApart = filters.ordem !== "vencimento" && countsByRange(scope, filters);
  const [{ chips, customers: chipCustomers }, counted, page] = await Promise.all([
    chipCounts(sql, scope, filters, conditionOptions),
    countApart ? customerCount(sql, scope, filters, conditionOptions) : null,
    customerPage(sql, scope, filters, conditionOptions),
  ]);
  const customers = counted ?? page.total ?? chipCustomers ?? 0;
  const customerIds = page.ids;
  // The chips count every situation; what is listed is the situations the status filters keep.
  const serials = situationsSelected(filters.status, filters.situacao).reduce((sum, situation) => sum + chips[situation], 0);
  const pageCount = Math.max(1, Math.ceil(customers / filters.porPagina));
  if (!customerIds.length) return { customers: [], customerCount: customers, serialCount: serials, chips, pageCount };

  const [customerRows, serialsByCustomer, situations] = await Promise.all([
    sql.query<Omit<CustomerGroup, "bySituation" | "serialCount" | "serials">>(
      `SELECT c.id, c.name, c.document, c.type, c.city, c.state, m.name AS "manufacturerName"
         FROM customers c JOIN accounts m ON m.id = c.manufacturer_id WHERE c.id = ANY($1::uuid[])`,
      [customerIds],
    ),
    options.withSerials ? customerSerials(scope, filters, customerIds, now) : new Map<string, SerialRow[]>(),
    situationsOf(sql, scope, filters, customerIds, conditionOptions),
  ]);
  const groups = new Map(
    customerRows.map((customer) => [
      customer.id,
      { ...customer, bySituation: zeroSituations(), serialCount: 0, serials: serialsByCustomer.get(customer.id) ?? [] },
    ]),
  );
  for (const row of situations) {
    const group = groups.get(row.customer_id)!;
    group.bySituation[row.situation] = row.n;
    group.serialCount += row.n;
  }
  return {
    customers: customerIds.map((id) => groups.get(id)!),
    customerCount: customers,
    serialCount: serials,
    chips,
    pageCount,
  };
}
