// The products a scope has serials of, for the product filter. A loose index scan over
// (manufacturer_id, product) so it costs one index probe per product, not one per serial.
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import type { SubscriptionScope } from "./subscription-scope";

export async function productsInScope(scope: SubscriptionScope): Promise<string[]> {
  const sql = await getSql();
  if (scope.kind === "customer") {
    const rows = await sql.query<{ product: string }>(
      `SELECT DISTINCT s.product FROM subscriptions s JOIN customers c ON c.id = s.customer_id
        WHERE c.account_id = $1 ORDER BY 1`,
      [scope.accountId],
    );
    return rows.map((row) => row.product);
  }
  return manufacturerProducts(sql, scope.accountId);
}

/** A manufacturer's products (its catalog: what it sells), sorted. */
export async function manufacturerProducts(sql: SqlClient, manufacturerId: string): Promise<string[]> {
  const rows = await sql.query<{ product: string }>(
    `WITH RECURSIVE products AS (
       (SELECT product FROM subscriptions WHERE manufacturer_id = $1 ORDER BY product LIMIT 1)
       UNION ALL
       SELECT (SELECT s.product FROM subscriptions s
                WHERE s.manufacturer_id = $1 AND s.product > products.product ORDER BY s.product LIMIT 1)
         FROM products WHERE products.product IS NOT NULL)
     SELECT product FROM products WHERE product IS NOT NULL`,
    [manufacturerId],
  );
  return rows.map((row) => row.product);
}
