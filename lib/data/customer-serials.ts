// The serial numbers of some customers as the list shows them (the customer's "aba"), filtered
// like the list. Details are joined only for the rows shown, not for every serial of a very large
// customer.
import { getSql } from "@/lib/db/connection";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { reasonLabelSql } from "./reasons";
import { SqlParams } from "./sql-params";
import { subscriptionConditions } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";

/** A customer with many serials shows this many in its row; a link filters to all of them. */
export const SERIALS_PER_CUSTOMER = 50;

export type SerialRow = {
  id: string;
  serialNumber: string;
  product: string;
  plan: "MENSAL" | "ANUAL";
  status: StoredStatus;
  expiresAt: Date;
  graceDays: number;
  manufacturerName: string;
  blockReason: string | null;
  machineName: string | null;
  lastSeenAt: Date | null;
  swaps30d: number;
};

type SerialRecord = Omit<SerialRow, "expiresAt" | "lastSeenAt"> & {
  customerId: string;
  expiresAt: Date | string;
  lastSeenAt: Date | string | null;
};

/** Each customer's matching serials (at most SERIALS_PER_CUSTOMER), by serial number. */
export async function customerSerials(
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  customerIds: string[],
  now: Date = new Date(),
  /** The interface's language, for the reasons' labels. */
  locale?: string,
): Promise<Map<string, SerialRow[]>> {
  const sql = await getSql();
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  const ids = params.add(customerIds);
  const perCustomer = params.add(SERIALS_PER_CUSTOMER);
  const since = `${params.add(now)}::timestamptz - interval '30 days'`;
  const rows = await sql.query<SerialRecord>(
    `SELECT s.id, s.serial_number AS "serialNumber", s.customer_id AS "customerId", s.product, s.plan, s.status,
            s.expires_at AS "expiresAt", m.grace_days AS "graceDays", m.name AS "manufacturerName",
            ${reasonLabelSql("r", locale)} AS "blockReason", a.machine_name AS "machineName", a.last_seen_at AS "lastSeenAt",
            CASE WHEN s.last_swap_at >= ${since} THEN
              (SELECT count(*) FROM activations sw
                WHERE sw.subscription_id = s.id AND sw.deactivation_cause = 'SWAP' AND sw.deactivated_at >= ${since})
            ELSE 0 END::int AS "swaps30d"
       FROM (SELECT s.id, row_number() OVER (PARTITION BY s.customer_id ORDER BY s.serial_number) AS position
               FROM subscriptions s
              WHERE s.customer_id = ANY(${ids}::uuid[]) AND ${conditions.join(" AND ")}) shown
       JOIN subscriptions s ON s.id = shown.id
       JOIN accounts m ON m.id = s.manufacturer_id
       LEFT JOIN reasons r ON r.id = s.block_reason_id
       LEFT JOIN activations a ON a.subscription_id = s.id AND a.deactivated_at IS NULL
      WHERE shown.position <= ${perCustomer}
      ORDER BY s.serial_number`,
    params.values,
  );
  const byCustomer = new Map<string, SerialRow[]>();
  for (const { customerId, ...serial } of rows) {
    const list = byCustomer.get(customerId) ?? [];
    list.push({
      ...serial,
      expiresAt: new Date(serial.expiresAt),
      lastSeenAt: serial.lastSeenAt ? new Date(serial.lastSeenAt) : null,
    });
    byCustomer.set(customerId, list);
  }
  return byCustomer;
}
