// Suspender, Cancelar and Liberar as one transaction each: lock the row, check the state machine,
// update conditionally, write exactly one event. A refused request writes nothing; concurrent
// requests on one serial serialize on the row lock, so no illegal state or lost event is possible.
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import type { Actor } from "@/lib/domain/actor";
import { canTransition, TRANSITIONS, type SubscriptionAction } from "@/lib/domain/subscription-transitions";
import { AppError } from "@/lib/errors";
import type { WriteOptions } from "./manufacturer-scope";
import { insertSubscriptionEvent } from "./subscription-events";

export type { Actor };

export type TransitionInput = { reasonId?: string; description?: string; suspendedUntil?: string };

export type TransitionResult = { serialNumber: string; from: StoredStatus; to: StoredStatus };

const DAY = 24 * 60 * 60 * 1000;

/** "Suspender até dd/mm" keeps the serial suspended through that day in São Paulo (UTC−3). */
function suspensionEnd(isoDate: string, now: Date): Date {
  const end = new Date(new Date(`${isoDate}T00:00:00-03:00`).getTime() + DAY);
  if (end.getTime() <= now.getTime() + DAY) {
    throw new AppError("VALIDATION", undefined, { suspendedUntil: ["suspendedUntilPast"] });
  }
  return end;
}

async function checkReason(tx: SqlClient, manufacturerId: string, action: SubscriptionAction, input: TransitionInput) {
  const kind = TRANSITIONS[action].reasonKind;
  if (!kind) return null;
  if (!input.reasonId) throw new AppError("VALIDATION", undefined, { reasonId: ["reasonRequired"] });
  const [reason] = await tx.query<{ id: string; requires_description: boolean }>(
    `SELECT id, requires_description FROM reasons WHERE id = $1 AND manufacturer_id = $2 AND kind = $3 AND active`,
    [input.reasonId, manufacturerId, kind],
  );
  if (!reason) throw new AppError("VALIDATION", undefined, { reasonId: ["reasonInvalid"] });
  if (reason.requires_description && !input.description?.trim()) {
    throw new AppError("VALIDATION", undefined, { description: ["descriptionRequired"] });
  }
  return reason.id;
}

/** Checks reason, description and date once, e.g. before a bulk request touches any serial. */
export async function validateTransitionInput(
  manufacturerId: string,
  action: SubscriptionAction,
  input: TransitionInput,
  now = new Date(),
) {
  if (action === "SUSPEND" && input.suspendedUntil) suspensionEnd(input.suspendedUntil, now);
  await checkReason(await getSql(), manufacturerId, action, input);
}

export async function transitionSubscription(
  manufacturerId: string,
  serialNumber: string,
  action: SubscriptionAction,
  input: TransitionInput,
  actor: Actor,
  now = new Date(),
  options: WriteOptions = {},
): Promise<TransitionResult> {
  const sql = options.tx ?? (await getSql());
  const transition = TRANSITIONS[action];
  const until = action === "SUSPEND" && input.suspendedUntil ? suspensionEnd(input.suspendedUntil, now) : null;
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string; serial_number: string; status: StoredStatus }>(
      `SELECT id, serial_number, status FROM subscriptions
        WHERE serial_number = $1 AND manufacturer_id = $2 FOR UPDATE`,
      [serialNumber.trim().toUpperCase(), manufacturerId],
    );
    // Another manufacturer's serial is "not found": its existence is never revealed.
    if (!row) throw new AppError("NOT_FOUND");
    if (!canTransition(action, row.status)) {
      throw AppError.withMessage("CONFLICT", `actions.conflict.${action}`, { serial: row.serial_number, status: row.status });
    }
    const reasonId = await checkReason(tx, manufacturerId, action, input);
    const description = transition.reasonKind ? (input.description?.trim() ?? null) : null;
    const userId = actor.kind === "USER" ? actor.userId : null;
    const blocked = transition.to !== "ATIVA";
    // Timestamps come from the database after the row lock is held, so the history's order is the
    // order in which the transitions really happened.
    const updated = await tx.query(
      `UPDATE subscriptions
          SET status = $2, billing_state = $3,
              block_reason_id = $4, block_description = $5,
              blocked_at = CASE WHEN $6 THEN clock_timestamp() END,
              blocked_by_user_id = $7, suspended_until = $8, updated_at = clock_timestamp()
        WHERE id = $1 AND status = $9
        RETURNING id`,
      [row.id, transition.to, transition.billing, reasonId, description, blocked, blocked ? userId : null, until, row.status],
    );
    if (updated.length !== 1)
      throw AppError.withMessage("CONFLICT", `actions.conflict.${action}`, { serial: row.serial_number, status: row.status });
    await insertSubscriptionEvent(tx, {
      subscriptionId: row.id,
      actor,
      type: transition.event,
      reasonId,
      description,
      fromStatus: row.status,
      toStatus: transition.to,
    });
    return { serialNumber: row.serial_number, from: row.status, to: transition.to };
  });
}

/**
 * Releases suspensions whose "suspender até" date has passed. Safe to run on several servers at
 * once: rows being handled elsewhere are skipped, and each release is its own transaction.
 */
export async function releaseExpiredSuspensions(now = new Date(), limit = 500): Promise<TransitionResult[]> {
  const sql = await getSql();
  const due = await sql.query<{ serial_number: string; manufacturer_id: string }>(
    `SELECT serial_number, manufacturer_id FROM subscriptions
      WHERE status = 'SUSPENSA' AND suspended_until IS NOT NULL AND suspended_until <= $1
      ORDER BY suspended_until LIMIT $2`,
    [now, limit],
  );
  const released: TransitionResult[] = [];
  for (const row of due) {
    try {
      released.push(
        await transitionSubscription(
          row.manufacturer_id,
          row.serial_number,
          "RELEASE",
          {},
          { kind: "SYSTEM", accountId: row.manufacturer_id },
          now,
        ),
      );
    } catch (error) {
      // Released or cancelled meanwhile (by a person or another server): nothing left to do.
      if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    }
  }
  return released;
}
