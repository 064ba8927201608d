// The integration API's reads: customers, serials and the event feed of one manufacturer, as keyset
// pages on immutable unique keys (customer id, serial number, event seq), so a page boundary never
// shifts when rows are inserted meanwhile. Serial lists take the list page's filters, through the
// same SQL (subscription-filter-sql.ts).
import type { SqlClient } from "@/lib/db/sql-client";
import { badgeOf, type Situation } from "@/lib/domain/subscription-status";
import type { ApiCustomer, ApiEvent, ApiSubscription } from "@/lib/validation/manufacturer-api-responses";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { SqlParams } from "./sql-params";
import { situationCase } from "./status-sql";
import { subscriptionConditions } from "./subscription-filter-sql";
import type { ManufacturerScope } from "./manufacturer-scope";

export type Page<T, K> = { items: T[]; last: K | null };

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const CUSTOMER_COLUMNS = `c.id, c.name, c.document, c.type::text AS type, c.city, c.state, c.email, c.created_at`;
type CustomerDbRow = {
  id: string;
  name: string;
  document: string;
  type: ApiCustomer["type"];
  city: string;
  state: string;
  email: string;
  created_at: Date;
};

function toCustomer({ created_at, ...row }: CustomerDbRow): ApiCustomer {
  return { ...row, createdAt: iso(created_at)! };
}

export async function apiListCustomers(
  sql: SqlClient,
  scope: ManufacturerScope,
  options: { after: string | null; limit: number },
): Promise<Page<ApiCustomer, string>> {
  const rows = await sql.query<CustomerDbRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers c
      WHERE c.manufacturer_id = $1 AND ($2::uuid IS NULL OR c.id > $2::uuid)
      ORDER BY c.id LIMIT $3`,
    [scope.accountId, options.after, options.limit + 1],
  );
  const items = rows.slice(0, options.limit).map(toCustomer);
  return { items, last: rows.length > options.limit ? items[items.length - 1]!.id : null };
}

export async function apiGetCustomer(sql: SqlClient, scope: ManufacturerScope, id: string): Promise<ApiCustomer | null> {
  const [row] = await sql.query<CustomerDbRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.manufacturer_id = $1 AND c.id = $2`,
    [scope.accountId, id],
  );
  return row ? toCustomer(row) : null;
}

type SubscriptionDbRow = {
  serial_number: string;
  customer_id: string;
  customer_name: string;
  product: string;
  plan: ApiSubscription["plan"];
  status: ApiSubscription["status"];
  situation: Situation;
  billing_state: ApiSubscription["billingState"];
  started_at: Date;
  expires_at: Date;
  suspended_until: Date | null;
  block_reason: string | null;
  block_description: string | null;
  created_at: Date;
  updated_at: Date;
};

function subscriptionSelect(params: SqlParams, scope: ManufacturerScope, now: Date): string {
  const situation = situationCase(`${params.add(now)}::timestamptz`, "s", `${params.add(scope.graceDays)}::int`);
  return `SELECT s.serial_number, s.customer_id, c.name AS customer_name, s.product, s.plan::text AS plan, s.status::text AS status,
                 ${situation} AS situation, s.billing_state::text AS billing_state, s.started_at, s.expires_at, s.suspended_until,
                 r.label AS block_reason, s.block_description, s.created_at, s.updated_at
            FROM subscriptions s
            JOIN customers c ON c.id = s.customer_id
            LEFT JOIN reasons r ON r.id = s.block_reason_id`;
}

function toSubscription(row: SubscriptionDbRow): ApiSubscription {
  return {
    serialNumber: row.serial_number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    product: row.product,
    plan: row.plan,
    status: row.status,
    badge: badgeOf(row.situation),
    situation: row.situation,
    billingState: row.billing_state,
    startedAt: iso(row.started_at)!,
    expiresAt: iso(row.expires_at)!,
    suspendedUntil: iso(row.suspended_until),
    blockReason: row.block_reason,
    blockDescription: row.block_description,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export async function apiListSubscriptions(
  sql: SqlClient,
  scope: ManufacturerScope,
  filters: SubscriptionFilters,
  options: { after: string | null; limit: number; now: Date },
): Promise<Page<ApiSubscription, string>> {
  const params = new SqlParams();
  const select = subscriptionSelect(params, scope, options.now);
  const conditions = subscriptionConditions(scope, filters, params, { now: options.now });
  if (options.after !== null) conditions.push(`s.serial_number > ${params.add(options.after)}`);
  // A narrow filter (customer, serial or machine search; swaps with a status) selects few serials: the planner
  // would still walk the manufacturer's serials in order hoping to fill the page early, and read
  // them all when the filter matches a handful. Sorting by an expression the index can't supply
  // makes it fetch the matches first and sort them (same order, same keyset).
  // Recent swaps alone are common enough for the ordered walk; with a status they can be rare.
  const narrow = Boolean(
    filters.cliente || filters.serie || filters.maquina || (filters.trocas && (filters.status.length || filters.situacao.length)),
  );
  const order = narrow ? "s.serial_number || ''" : "s.serial_number";
  const rows = await sql.query<SubscriptionDbRow>(
    `${select}\n WHERE ${conditions.join("\n   AND ")}\n ORDER BY ${order} LIMIT ${params.add(options.limit + 1)}`,
    params.values,
  );
  const items = rows.slice(0, options.limit).map(toSubscription);
  return { items, last: rows.length > options.limit ? items[items.length - 1]!.serialNumber : null };
}

export async function apiGetSubscription(
  sql: SqlClient,
  scope: ManufacturerScope,
  serialNumber: string,
  now: Date,
): Promise<ApiSubscription | null> {
  const params = new SqlParams();
  const select = subscriptionSelect(params, scope, now);
  const [row] = await sql.query<SubscriptionDbRow>(
    `${select} WHERE s.manufacturer_id = ${params.add(scope.accountId)} AND s.serial_number = ${params.add(serialNumber)}`,
    params.values,
  );
  return row ? toSubscription(row) : null;
}

/**
 * The account's events after `afterSeq`, oldest first. Within an account seq follows commit order
 * (trigger subscription_events_account_order), so a reader that resumes after the last seq it saw
 * never misses an event that was still being written.
 */
export async function apiListEvents(
  sql: SqlClient,
  scope: ManufacturerScope,
  options: { afterSeq: string; limit: number },
): Promise<Page<ApiEvent, string>> {
  const rows = await sql.query<{
    id: string;
    seq: string;
    type: ApiEvent["type"];
    serial_number: string;
    actor_kind: ApiEvent["actor"]["kind"];
    actor_name: string | null;
    from_status: string | null;
    to_status: string | null;
    reason: string | null;
    description: string | null;
    expires_from: Date | null;
    expires_to: Date | null;
    created_at: Date;
  }>(
    `SELECT e.id, e.seq::text AS seq, e.type::text AS type, s.serial_number, e.actor_kind::text AS actor_kind,
            COALESCE(u.name, e.actor_label) AS actor_name, e.from_status::text AS from_status, e.to_status::text AS to_status,
            r.label AS reason, e.description, e.expires_from, e.expires_to, e.created_at
       FROM subscription_events e
       JOIN subscriptions s ON s.id = e.subscription_id
       LEFT JOIN users u ON u.id = e.actor_user_id
       LEFT JOIN reasons r ON r.id = e.reason_id
      WHERE e.account_id = $1 AND e.seq > $2::bigint
      ORDER BY e.seq LIMIT $3`,
    [scope.accountId, options.afterSeq, options.limit + 1],
  );
  const page = rows.slice(0, options.limit);
  const items = page.map((row) => ({
    id: row.id,
    type: row.type,
    serialNumber: row.serial_number,
    actor: { kind: row.actor_kind, name: row.actor_name },
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    description: row.description,
    expiresFrom: iso(row.expires_from),
    expiresTo: iso(row.expires_to),
    createdAt: iso(row.created_at)!,
  }));
  // The feed's cursor always points after the last event read, even on its last page: polling
  // with it later returns only what is new.
  return { items, last: page.length ? page[page.length - 1]!.seq : null };
}
