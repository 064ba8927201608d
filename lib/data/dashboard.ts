// Numbers for the home page: the current account's serials per precise situation, and how many
// customers (for a manufacturer) or manufacturers (for a lojista) they involve.
import { getSql } from "@/lib/db/connection";
import { SITUATIONS, type Situation } from "@/lib/domain/subscription-status";
import { SqlParams } from "./sql-params";
import { graceExpression, scopeCondition } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";
import { situationPredicate } from "./status-sql";

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
  const grace = graceExpression(scope, params);
  // One index range count per situation over (manufacturer_id, status, expires_at): at 220,000
  // serials about twice as fast as grouping every row by a CASE of its situation.
  const count = (condition: string) => `(SELECT count(*)::int FROM subscriptions s WHERE ${where} AND ${condition})`;
  const columns = SITUATIONS.map(
    (situation) => `${count(situationPredicate(situation, nowParam, "s", grace))} AS "${situation}"`,
  );
  columns.push(`${count(`s.last_swap_at >= ${nowParam} - interval '30 days'`)} AS "recentSwaps"`);
  const counterpart = scope.kind === "manufacturer" ? "s.customer_id" : "s.manufacturer_id";
  const [[row], counterparts] = await Promise.all([
    sql.query<Record<Situation | "recentSwaps", number>>(`SELECT ${columns.join(", ")}`, params.values),
    (async () => {
      const countParams = new SqlParams();
      const [counted] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT ${counterpart} FROM subscriptions s WHERE ${scopeCondition(scope, countParams)} GROUP BY 1) x`,
        countParams.values,
      );
      return counted?.n ?? 0;
    })(),
  ]);
  const bySituation = Object.fromEntries(SITUATIONS.map((item) => [item, row?.[item] ?? 0])) as Record<Situation, number>;
  return {
    total: SITUATIONS.reduce((total, item) => total + bySituation[item], 0),
    counterparts,
    recentSwaps: row?.recentSwaps ?? 0,
    bySituation,
  };
}
