// Turns the URL filters into SQL conditions over `subscriptions s` alone (customer and manufacturer
// conditions are subqueries), so a query joins other tables only when it needs their columns.
// Shared by the list, its counts and the CSV export, so they always select the same serials. Text
// searches go through trigram indexes; status through (status, expires_at).
import { situationPredicate, badgePredicate } from "./status-sql";
import type { SqlParams } from "./sql-params";
import type { SubscriptionScope } from "./subscription-scope";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";

/** Midnight in São Paulo (UTC−3; Brazil has had no daylight saving time since 2019). */
export function saoPauloDayStart(isoDate: string, addDays = 0): Date {
  const start = new Date(`${isoDate}T00:00:00-03:00`);
  return new Date(start.getTime() + addDays * 24 * 60 * 60 * 1000);
}

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function scopeCondition(scope: SubscriptionScope, params: SqlParams): string {
  return scope.kind === "manufacturer"
    ? `s.manufacturer_id = ${params.add(scope.accountId)}`
    : `s.customer_id IN (SELECT oc.id FROM customers oc WHERE oc.account_id = ${params.add(scope.accountId)})`;
}

/** The scope on a customers alias: the manufacturer's customers, or those linked to the account. */
export function customerScopeCondition(scope: SubscriptionScope, alias: string, params: SqlParams): string {
  return scope.kind === "manufacturer"
    ? `${alias}.manufacturer_id = ${params.add(scope.accountId)}`
    : `${alias}.account_id = ${params.add(scope.accountId)}`;
}

/** The grace-days expression: a constant for one manufacturer (index-friendly), else per row. */
export function graceExpression(scope: SubscriptionScope, params: SqlParams): string {
  return scope.kind === "manufacturer"
    ? `${params.add(scope.graceDays)}::int`
    : "(SELECT gm.grace_days FROM accounts gm WHERE gm.id = s.manufacturer_id)";
}

/** The customer text search (name or document) on a customers alias, through its trigram index. */
export function customerSearchCondition(alias: string, term: string, params: SqlParams): string {
  return `${alias}.search_text LIKE '%' || search_normalize(${params.add(term)}) || '%'`;
}

export type FilterSqlOptions = {
  now: Date;
  omitStatus?: boolean;
  /**
   * The scope's customers the customer search matches, when the caller looked them up once
   * (matchingCustomerIds) for several queries: then each query reads these ids instead of
   * matching the name again.
   */
  matchedCustomers?: readonly string[];
};

/** Conditions (ANDed) for everything but the status filters, which `statusConditions` adds. */
export function subscriptionConditions(
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  params: SqlParams,
  options: FilterSqlOptions,
): string[] {
  const conditions = [scopeCondition(scope, params)];
  if (filters.cliente && options.matchedCustomers) {
    conditions.push(`s.customer_id = ANY(${params.add(options.matchedCustomers)}::uuid[])`);
  } else if (filters.cliente) {
    // Searched among the scope's own customers — a serial's customer is always one of its
    // manufacturer's customers, and the account scope above says so — so a common word's trigram
    // matches in other tenants are never fetched (nor the whole customers table scanned for them).
    conditions.push(
      `s.customer_id IN (SELECT fc.id FROM customers fc
                          WHERE ${customerScopeCondition(scope, "fc", params)} AND ${customerSearchCondition("fc", filters.cliente, params)})`,
    );
  }
  if (filters.serie) {
    const term = filters.serie.toUpperCase().replace(/[^A-Z0-9-]/g, "");
    conditions.push(`s.serial_number LIKE ${params.add(`%${likeEscape(term)}%`)}`);
  }
  if (filters.maquina) {
    conditions.push(
      `s.id IN (SELECT a.subscription_id FROM activations a
                 WHERE a.deactivated_at IS NULL AND a.machine_name ILIKE ${params.add(`%${likeEscape(filters.maquina)}%`)})`,
    );
  }
  if (filters.produto) conditions.push(`s.product = ${params.add(filters.produto)}`);
  if (filters.expiraDe) conditions.push(`s.expires_at >= ${params.add(saoPauloDayStart(filters.expiraDe))}`);
  if (filters.expiraAte) conditions.push(`s.expires_at < ${params.add(saoPauloDayStart(filters.expiraAte, 1))}`);
  if (filters.trocas) conditions.push(`s.last_swap_at >= ${params.add(options.now)}::timestamptz - interval '30 days'`);
  if (!options.omitStatus) conditions.push(...statusConditions(scope, filters, params, options.now));
  return conditions;
}

/** The badge and situation filters: values within one level are ORed, the two levels ANDed. */
export function statusConditions(scope: SubscriptionScope, filters: SubscriptionFilters, params: SqlParams, now: Date): string[] {
  const conditions: string[] = [];
  // Placeholders first: "now" and the grace days become parameters only if a predicate uses them
  // (PostgreSQL refuses parameters that the statement never mentions).
  const NOW = "{{now}}";
  const GRACE = "{{grace}}";
  if (filters.status.length) {
    conditions.push(`(${filters.status.map((badge) => badgePredicate(badge, NOW, "s", GRACE)).join(" OR ")})`);
  }
  if (filters.situacao.length) {
    conditions.push(`(${filters.situacao.map((situation) => situationPredicate(situation, NOW, "s", GRACE)).join(" OR ")})`);
  }
  const text = conditions.join("\n");
  const nowParam = text.includes(NOW) ? `${params.add(now)}::timestamptz` : "";
  const grace = text.includes(GRACE) ? graceExpression(scope, params) : "";
  return conditions.map((condition) => condition.replaceAll(NOW, nowParam).replaceAll(GRACE, grace));
}

/** FROM clause for queries that also read the customer (c) and manufacturer (m) columns. */
export const SUBSCRIPTION_FROM = `subscriptions s
  JOIN customers c ON c.id = s.customer_id
  JOIN accounts m ON m.id = s.manufacturer_id`;
