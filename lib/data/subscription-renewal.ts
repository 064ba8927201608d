// Registrar renovação: paid periods added to the serial's expiresAt (retroactive when late), under the
// row lock, with its RENEWED event (expiry from → to) in the same transaction. A cancelled serial is
// refused (409) and nothing is written.
import type { Actor } from "@/lib/domain/actor";
import { addPlanPeriods, renewalOutcome, type Plan } from "@/lib/domain/renewal";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import { AppError } from "@/lib/errors";
import { inManufacturerTransaction, type WriteOptions } from "./manufacturer-scope";
import { insertSubscriptionEvent } from "./subscription-events";
import type { SubscriptionScope } from "./subscription-scope";

export type RenewalResult = {
  serialNumber: string;
  periods: number;
  from: StoredStatus;
  to: StoredStatus;
  expiresFrom: Date;
  expiresTo: Date;
};

export async function renewSubscription(
  scope: SubscriptionScope,
  serialNumber: string,
  periods: number,
  actor: Actor,
  options: WriteOptions = {},
): Promise<RenewalResult> {
  if (!Number.isInteger(periods) || periods < 1) throw new AppError("VALIDATION", undefined, { periods: ["periodsInvalid"] });
  return inManufacturerTransaction(scope, options, async (tx, accountId) => {
    const [row] = await tx.query<{ id: string; serial_number: string; status: StoredStatus; plan: Plan; expires_at: Date }>(
      `SELECT id, serial_number, status, plan, expires_at FROM subscriptions
        WHERE serial_number = $1 AND manufacturer_id = $2 FOR UPDATE`,
      [serialNumber.trim().toUpperCase(), accountId],
    );
    // Another manufacturer's serial is "not found": its existence is never revealed.
    if (!row) throw new AppError("NOT_FOUND");
    const outcome = renewalOutcome(row.status);
    if (!outcome.allowed) {
      throw AppError.withMessage("CONFLICT", "actions.conflict.RENEW", { serial: row.serial_number, status: row.status });
    }
    const expiresFrom = new Date(row.expires_at);
    const expiresTo = addPlanPeriods(expiresFrom, row.plan, periods);
    await tx.query(
      `UPDATE subscriptions
          SET expires_at = $2, status = $3, billing_state = COALESCE($4::"BillingState", billing_state), updated_at = clock_timestamp()
        WHERE id = $1`,
      [row.id, expiresTo, outcome.to, outcome.billing],
    );
    await insertSubscriptionEvent(tx, {
      subscriptionId: row.id,
      actor,
      type: "RENEWED",
      fromStatus: row.status,
      toStatus: outcome.to,
      expiresFrom,
      expiresTo,
    });
    return { serialNumber: row.serial_number, periods, from: row.status, to: outcome.to, expiresFrom, expiresTo };
  });
}
