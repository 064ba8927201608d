// The CSV export's rows: every serial the list's filters select (all pages), in the list's order —
// customers by search_text (the accent-insensitive name, then the document) and id, each
// customer's serials by number. On PostgreSQL one COPY statement streams them (export-copy); on
// embedded PGlite short keyset batches do (export-keyset). Either way the rows arrive as lines of
// COPY's text format, so a single writer turns them into CSV.
import { getDatabase } from "@/lib/db/connection";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { reasonLabelSql } from "./reasons";
import { SUBSCRIPTION_FROM, subscriptionConditions } from "./subscription-filter-sql";
import { SqlParams } from "./sql-params";
import { openCopyExport } from "./subscription-export-copy";
import { openKeysetExport } from "./subscription-export-keyset";
import { EXPORT_FIELDS, EXPORT_ORDER, type ExportLineSource, type ExportQueryOptions } from "./subscription-export-types";
import type { SubscriptionScope } from "./subscription-scope";

/**
 * The export's SELECT: what COPY streams, what a keyset batch reads (with `keyset` columns at the
 * end), and what the benchmark hands to psql's \copy to measure PostgreSQL's own floor.
 */
export function subscriptionExportSql(
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  now: Date,
  options: { keyset?: boolean; locale?: string } = {},
) {
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  // The same scope stated on the customer too (equivalent: a customer belongs to the manufacturer
  // whose serials it holds), so the customers are filtered before they are joined.
  conditions.push(
    scope.kind === "manufacturer"
      ? `c.manufacturer_id = ${params.add(scope.accountId)}`
      : `c.account_id = ${params.add(scope.accountId)}`,
  );
  const since = `${params.add(now)}::timestamptz - interval '30 days'`;
  // Swaps in the last 30 days, counted as the list counts them: only serials whose last swap is
  // that recent (s.last_swap_at) can have any, so the others skip the lookup.
  const swaps = `CASE WHEN s.last_swap_at >= ${since} THEN
         (SELECT count(*) FROM activations w
           WHERE w.subscription_id = s.id AND w.deactivation_cause = 'SWAP' AND w.deactivated_at >= ${since})
       ELSE 0 END::int`;
  const columns = EXPORT_FIELDS.map(
    ([name, expression]) =>
      `${expression.replace("{{swaps}}", swaps).replace("{{reason}}", reasonLabelSql("r", options.locale))} AS ${name}`,
  );
  if (options.keyset) columns.push("c.search_text AS key_text", "c.id AS key_customer");
  const select = `SELECT ${columns.join(",\n       ")}
  FROM ${SUBSCRIPTION_FROM}
  LEFT JOIN activations a ON a.subscription_id = s.id AND a.deactivated_at IS NULL
  LEFT JOIN reasons r ON r.id = s.block_reason_id`;
  return { select, conditions, params, order: EXPORT_ORDER };
}

/**
 * Opens the export: resolves once the database has accepted the query (a failing query is an
 * error here, before any byte of the file is sent), before any row is read.
 */
export async function openSubscriptionExport(
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  options: ExportQueryOptions,
): Promise<ExportLineSource> {
  const database = await getDatabase();
  if (database.target.kind === "postgres") {
    const { select, conditions, params, order } = subscriptionExportSql(scope, filters, options.now, { locale: options.locale });
    return openCopyExport(database.target.url, `${select}\n WHERE ${conditions.join("\n   AND ")}\n ${order}`, params.values);
  }
  return openKeysetExport(
    database.sql,
    subscriptionExportSql(scope, filters, options.now, { keyset: true, locale: options.locale }),
    options,
  );
}
