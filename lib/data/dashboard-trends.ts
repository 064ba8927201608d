// The dashboard's trends for the current account: serials expiring soon, events per day (from the
// rollup, subscription_event_daily, for a manufacturer — never the 4-million-row log), the
// customers with most computer changes and active serials per product. Every count selects what
// the list selects with the link the dashboard puts next to it.
import { getSql } from "@/lib/db/connection";
import { addDays } from "@/lib/domain/dashboard-weeks";
import { DEFAULT_FILTERS, type SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { historyScopeCondition } from "./account-history-sql";
import { SqlParams } from "./sql-params";
import { customerScopeCondition, saoPauloDayStart, scopeCondition, subscriptionConditions } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";

export const EXPIRY_HORIZONS = [30, 60, 90] as const;
export type ExpiryHorizon = (typeof EXPIRY_HORIZONS)[number];

/** The list's filters for "Ativa, expiring from today through today + days" (São Paulo days). */
export function expiringFilters(today: string, days: number): SubscriptionFilters {
  return { ...DEFAULT_FILTERS, status: ["ATIVA"], situacao: [], expiraDe: today, expiraAte: addDays(today, days) };
}

export async function expiringCounts(scope: SubscriptionScope, today: string, now: Date): Promise<Record<ExpiryHorizon, number>> {
  const sql = await getSql();
  const params = new SqlParams();
  const widest = EXPIRY_HORIZONS.at(-1)!;
  const conditions = subscriptionConditions(scope, expiringFilters(today, widest), params, { now });
  const columns = EXPIRY_HORIZONS.map(
    (days) =>
      `count(*) FILTER (WHERE s.expires_at < ${params.add(saoPauloDayStart(addDays(today, days), 1))}::timestamptz)::int AS d${days}`,
  );
  const [row] = await sql.query<Record<string, number>>(
    `SELECT ${columns.join(", ")} FROM subscriptions s WHERE ${conditions.join(" AND ")}`,
    params.values,
  );
  return Object.fromEntries(EXPIRY_HORIZONS.map((days) => [days, row?.[`d${days}`] ?? 0])) as Record<ExpiryHorizon, number>;
}

/** Events per São Paulo day and type since `since` (yyyy-mm-dd), for the given types. */
export async function eventsPerDay(
  scope: SubscriptionScope,
  since: string,
  types: readonly string[],
): Promise<{ day: string; key: string; count: number }[]> {
  const sql = await getSql();
  if (scope.kind === "manufacturer") {
    return sql.query(
      `SELECT day::text AS day, type::text AS key, count FROM subscription_event_daily
        WHERE account_id = $1 AND day >= $2::date AND type::text = ANY($3::text[])`,
      [scope.accountId, since, types],
    );
  }
  // A lojista's few serials: counted from the log itself.
  const params = new SqlParams();
  const where = historyScopeCondition(scope, params);
  return sql.query(
    `SELECT (e.created_at AT TIME ZONE 'America/Sao_Paulo')::date::text AS day, e.type::text AS key, count(*)::int AS count
       FROM subscription_events e
      WHERE ${where} AND e.created_at >= (${params.add(since)}::date::timestamp AT TIME ZONE 'America/Sao_Paulo')
        AND e.type::text = ANY(${params.add(types)}::text[])
      GROUP BY 1, 2`,
    params.values,
  );
}

export type SwapCustomer = { id: string; name: string; document: string; swaps: number };

/** The customers with most computer changes in the last 30 days, as the list counts them. */
export async function topSwapCustomers(scope: SubscriptionScope, now: Date, limit = 10): Promise<SwapCustomer[]> {
  const sql = await getSql();
  const params = new SqlParams();
  const since = `${params.add(now)}::timestamptz - interval '30 days'`;
  // Counted per customer id first (an index range of the serials swapped lately, and their swaps),
  // so only the ten that make the list are looked up in customers.
  return sql.query<SwapCustomer>(
    `WITH top AS (
       SELECT s.customer_id, count(*)::int AS swaps
         FROM subscriptions s
         JOIN activations w ON w.subscription_id = s.id AND w.deactivation_cause = 'SWAP' AND w.deactivated_at >= ${since}
        WHERE ${scopeCondition(scope, params)} AND s.last_swap_at >= ${since}
        GROUP BY s.customer_id
        ORDER BY swaps DESC, s.customer_id
        LIMIT ${params.add(limit)})
     SELECT c.id, c.name, c.document, top.swaps
       FROM top JOIN customers c ON c.id = top.customer_id
      WHERE ${customerScopeCondition(scope, "c", params)}
      ORDER BY top.swaps DESC, c.name, c.id`,
    params.values,
  );
}

/** Serials with the Ativa badge (paid and not expired) per product, most first. */
export async function activeByProduct(scope: SubscriptionScope, now: Date): Promise<{ product: string; count: number }[]> {
  const sql = await getSql();
  const params = new SqlParams();
  return sql.query(
    `SELECT s.product, count(*)::int AS count FROM subscriptions s
      WHERE ${scopeCondition(scope, params)} AND s.status = 'ATIVA' AND s.expires_at >= ${params.add(now)}::timestamptz
      GROUP BY s.product ORDER BY count DESC, s.product`,
    params.values,
  );
}
