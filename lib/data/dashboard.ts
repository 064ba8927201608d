// Numbers for the home page: the current account's serials per precise situation.
import { getSql } from "@/lib/db/connection";
import { SITUATIONS, type Situation } from "@/lib/domain/subscription-status";
import { situationCase } from "./status-sql";

export type DashboardNumbers = {
  total: number;
  customers: number;
  recentSwaps: number;
  bySituation: Record<Situation, number>;
};

/** `scope` says how the account relates to the serials: it sells them, or it owns them. */
export async function dashboardNumbers(
  accountId: string,
  scope: "manufacturer" | "customer",
  now = new Date(),
): Promise<DashboardNumbers> {
  const sql = await getSql();
  const where = scope === "manufacturer" ? "s.manufacturer_id = $1" : "c.account_id = $1";
  const rows = await sql.query<{ situation: Situation; n: number; swaps: number }>(
    `SELECT ${situationCase("$2")} AS situation,
            count(*)::int AS n,
            count(*) FILTER (WHERE s.last_swap_at >= $2 - interval '30 days')::int AS swaps
       FROM subscriptions s
       JOIN customers c ON c.id = s.customer_id
       JOIN accounts m ON m.id = s.manufacturer_id
      WHERE ${where}
      GROUP BY 1`,
    [accountId, now],
  );
  const bySituation = Object.fromEntries(SITUATIONS.map((situation) => [situation, 0])) as Record<Situation, number>;
  for (const row of rows) bySituation[row.situation] = row.n;
  const customers = await sql.query<{ n: number }>(
    `SELECT count(DISTINCT s.customer_id)::int AS n FROM subscriptions s JOIN customers c ON c.id = s.customer_id WHERE ${where}`,
    [accountId],
  );
  return {
    total: rows.reduce((total, row) => total + row.n, 0),
    customers: customers[0]?.n ?? 0,
    recentSwaps: rows.reduce((total, row) => total + row.swaps, 0),
    bySituation,
  };
}
