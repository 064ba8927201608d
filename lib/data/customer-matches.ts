// The customer search (name or document) of the subscription list, matched once per page: the
// chips, the customer count, the page and its per-customer counts then all read the same ids.
import type { SqlClient } from "@/lib/db/sql-client";
import { SqlParams } from "./sql-params";
import { customerScopeCondition, customerSearchCondition } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";

/**
 * Beyond this many matching customers the ids are not passed around (a term as common as that
 * narrows nothing, and an array of tens of thousands of ids costs more to send than to re-match):
 * the caller falls back to matching in each query.
 */
export const MAX_MATCHED_CUSTOMERS = 5_000;

/** The ids of the scope's customers whose name or document contains `term`; null when too many. */
export async function matchingCustomerIds(sql: SqlClient, scope: SubscriptionScope, term: string): Promise<string[] | null> {
  const params = new SqlParams();
  const rows = await sql.query<{ id: string }>(
    `SELECT c.id FROM customers c
      WHERE ${customerScopeCondition(scope, "c", params)} AND ${customerSearchCondition("c", term, params)}
      LIMIT ${MAX_MATCHED_CUSTOMERS + 1}`,
    params.values,
  );
  return rows.length > MAX_MATCHED_CUSTOMERS ? null : rows.map((row) => row.id);
}
