// Bulk Suspender / Cancelar / Liberar: each serial is its own transaction, so one refusal never
// rolls back the others; the result says, per serial, done or refused and why.
import { getSql } from "@/lib/db/connection";
import type { SubscriptionAction } from "@/lib/domain/subscription-transitions";
import { AppError } from "@/lib/errors";
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { MAX_BULK_SERIALS } from "@/lib/validation/subscription-actions";
import { SqlParams } from "./sql-params";
import { subscriptionConditions } from "./subscription-filter-sql";
import type { SubscriptionScope } from "./subscription-scope";
import { transitionSubscription, validateTransitionInput, type Actor, type TransitionInput } from "./subscription-transitions";

export type BulkOutcome = { serialNumber: string; ok: true } | { serialNumber: string; ok: false; error: AppError };

/** The serial numbers the list's filters select, refusing more than one bulk request may touch. */
export async function serialsMatching(
  scope: SubscriptionScope,
  filters: SubscriptionFilters,
  now = new Date(),
): Promise<string[]> {
  const sql = await getSql();
  const params = new SqlParams();
  const conditions = subscriptionConditions(scope, filters, params, { now });
  const rows = await sql.query<{ serial_number: string }>(
    `SELECT s.serial_number FROM subscriptions s WHERE ${conditions.join(" AND ")}
      ORDER BY s.serial_number LIMIT ${params.add(MAX_BULK_SERIALS + 1)}`,
    params.values,
  );
  if (rows.length > MAX_BULK_SERIALS) throw AppError.withMessage("VALIDATION", "actions.bulk.tooMany", { max: MAX_BULK_SERIALS });
  return rows.map((row) => row.serial_number);
}

export async function bulkTransition(
  manufacturerId: string,
  serialNumbers: string[],
  action: SubscriptionAction,
  input: TransitionInput,
  actor: Actor,
): Promise<BulkOutcome[]> {
  await validateTransitionInput(manufacturerId, action, input);
  const outcomes: BulkOutcome[] = [];
  for (const serialNumber of [...new Set(serialNumbers.map((serial) => serial.trim().toUpperCase()))]) {
    try {
      await transitionSubscription(manufacturerId, serialNumber, action, input, actor);
      outcomes.push({ serialNumber, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ serialNumber, ok: false, error });
    }
  }
  return outcomes;
}
