// Numbers for the home page: the current account's serials per precise situation, and how many
// customers (for a manufacturer) or manufacturers (for a lojista) they involve.
import { getSql } from "@/lib/db/connection";
import { SITUATIONS, type Situation } from "@/lib/domain/subscription-status";
import { SqlParams } from "./sql-params";
import { graceExpression, scopeCondition } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";
import { situationCase } from "./status-sql";

export type DashboardNumbers = {
  total: number;
  /** Customers of a manufacturer, or manufacturers of a lojista/profissional. */
  counterparts: number;
  recentSwaps: number;
  bySituation: Record<Situation, number>;
};

export async function dashboardNumbers(scope: SubscriptionScope, now = new Date()): Promise<DashboardNumbers> {
  const sql = await getSql();
  const params = new SqlParams();
  const where = scopeCondition(scope, params);
  const nowParam = `${params.add(now)}::timestamptz`;
  const situation = situationCase(nowParam, "s", graceExpression(scope, params));
  const counterpart = scope.kind === "manufacturer" ? "s.customer_id" : "s.manufacturer_id";
  const [rows, counterparts] = await Promise.all([
    sql.query<{ situation: Situation; n: number; swaps: number }>(
      `SELECT ${situation} AS situation, count(*)::int AS n,
              count(*) FILTER (WHERE s.last_swap_at >= ${nowParam} - interval '30 days')::int AS swaps
         FROM subscriptions s WHERE ${where} GROUP BY 1`,
      params.values,
    ),
    (async () => {
      const countParams = new SqlParams();
      const [row] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT ${counterpart} FROM subscriptions s WHERE ${scopeCondition(scope, countParams)} GROUP BY 1) x`,
        countParams.values,
      );
      return row?.n ?? 0;
    })(),
  ]);
  const bySituation = Object.fromEntries(SITUATIONS.map((item) => [item, 0])) as Record<Situation, number>;
  for (const row of rows) bySituation[row.situation] = row.n;
  return {
    total: rows.reduce((total, row) => total + row.n, 0),
    counterparts,
    recentSwaps: rows.reduce((total, row) => total + row.swaps, 0),
    bySituation,
  };
}
