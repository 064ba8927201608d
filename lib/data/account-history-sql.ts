// Histórico da conta in SQL: which events of the subscription log an account sees and which the
// URL filters select, over `subscription_events e` alone (customer and serial filters are
// subqueries), so the page's keyset walk and the CSV export select exactly the same events. A
// manufacturer's events carry its account id (every event is written in the manufacturer's
// account); a lojista's are those of the serials of the customers linked to it.
import type { HistoryFilters } from "@/lib/validation/history-filters";
import type { SqlParams } from "./sql-params";
import { customerScopeCondition, customerSearchCondition, saoPauloDayStart } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";

/** Newest first; seq breaks ties within a millisecond in the order things really happened. */
export const HISTORY_ORDER = "ORDER BY e.created_at DESC, e.seq DESC";

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The scope on a subscriptions alias. */
function subscriptionScope(scope: SubscriptionScope, alias: string, params: SqlParams): string {
  return scope.kind === "manufacturer"
    ? `${alias}.manufacturer_id = ${params.add(scope.accountId)}`
    : `${alias}.customer_id IN (SELECT hc.id FROM customers hc WHERE hc.account_id = ${params.add(scope.accountId)})`;
}

export function historyScopeCondition(scope: SubscriptionScope, params: SqlParams): string {
  return scope.kind === "manufacturer"
    ? `e.account_id = ${params.add(scope.accountId)}`
    : `e.subscription_id IN (SELECT hs.id FROM subscriptions hs WHERE ${subscriptionScope(scope, "hs", params)})`;
}

/**
 * Conditions (ANDed) for the scope and every filter but the action types, which the caller adds:
 * one `= ANY` for the export, one keyset walk per type for the page (see account-history.ts).
 */
export function historyConditions(scope: SubscriptionScope, filters: HistoryFilters, params: SqlParams): string[] {
  const conditions = [historyScopeCondition(scope, params)];
  if (filters.quem) {
    if ("kind" in filters.quem) conditions.push(`e.actor_kind = ${params.add(filters.quem.kind)}::"ActorKind"`);
    else conditions.push(`e.actor_user_id = ${params.add(filters.quem.userId)}::uuid`);
  }
  if (filters.cliente) {
    conditions.push(
      `e.subscription_id IN (SELECT fs.id FROM subscriptions fs
                              WHERE ${subscriptionScope(scope, "fs", params)}
                                AND fs.customer_id IN (SELECT fc.id FROM customers fc
                                                        WHERE ${customerScopeCondition(scope, "fc", params)}
                                                          AND ${customerSearchCondition("fc", filters.cliente, params)}))`,
    );
  }
  if (filters.serie) {
    const term = filters.serie.toUpperCase().replace(/[^A-Z0-9-]/g, "");
    conditions.push(
      `e.subscription_id IN (SELECT ss.id FROM subscriptions ss
                              WHERE ${subscriptionScope(scope, "ss", params)}
                                AND ss.serial_number LIKE ${params.add(`%${likeEscape(term)}%`)})`,
    );
  }
  if (filters.de) conditions.push(`e.created_at >= ${params.add(saoPauloDayStart(filters.de))}::timestamptz`);
  if (filters.ate) conditions.push(`e.created_at < ${params.add(saoPauloDayStart(filters.ate, 1))}::timestamptz`);
  return conditions;
}

/** The action-type condition of the export (the page walks each type on its own). */
export function historyTypeCondition(filters: HistoryFilters, params: SqlParams): string | null {
  if (!filters.acao.length) return null;
  // One parameter per type: the COPY statement takes its parameters inlined, and arrays aren't.
  return `e.type IN (${filters.acao.map((type) => `${params.add(type)}::"EventType"`).join(", ")})`;
}

/**
 * Who acted, as far as the account may know: a manufacturer sees its people's names and its API
 * keys' names; a lojista sees the manufacturer's name in their place (never its people's).
 * Joins: u (users), m (the event's account), a (activations).
 */
export function actorNameExpression(scope: SubscriptionScope): string {
  return scope.kind === "manufacturer"
    ? `CASE e.actor_kind WHEN 'USER' THEN u.name WHEN 'DESKTOP' THEN coalesce(e.actor_label, a.machine_name)
                         WHEN 'API_KEY' THEN e.actor_label END`
    : `CASE e.actor_kind WHEN 'DESKTOP' THEN coalesce(e.actor_label, a.machine_name) WHEN 'SYSTEM' THEN NULL ELSE m.name END`;
}

/** The joins behind an event's row: serial, customer, account, user, reason, computer. */
export const HISTORY_JOINS = `JOIN subscriptions s ON s.id = e.subscription_id
  JOIN customers c ON c.id = s.customer_id
  JOIN accounts m ON m.id = e.account_id
  LEFT JOIN users u ON u.id = e.actor_user_id
  LEFT JOIN reasons r ON r.id = e.reason_id
  LEFT JOIN activations a ON a.id = e.activation_id`;
