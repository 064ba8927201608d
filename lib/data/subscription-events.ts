// Writes one SubscriptionEvent on the caller's transaction. The database does the rest in the same
// transaction: the webhook outbox rows and the daily rollup are written by triggers on this table.
import type { SqlClient } from "@/lib/db/sql-client";
import { actorColumns, type Actor } from "@/lib/domain/actor";
import type { StoredStatus } from "@/lib/domain/subscription-status";

export type SubscriptionEventInput = {
  subscriptionId: string;
  actor: Actor;
  type: "CREATED" | "SUSPENDED" | "CANCELLED" | "RELEASED" | "RENEWED";
  reasonId?: string | null;
  description?: string | null;
  fromStatus?: StoredStatus | null;
  toStatus?: StoredStatus | null;
  expiresFrom?: Date | null;
  expiresTo?: Date | null;
};

/** The event's time comes from the database after the row lock is held: the log's order is the real one. */
export async function insertSubscriptionEvent(tx: SqlClient, event: SubscriptionEventInput): Promise<void> {
  await tx.query(
    `INSERT INTO subscription_events
       (subscription_id, account_id, actor_kind, actor_user_id, actor_label, type, reason_id, description,
        from_status, to_status, expires_from, expires_to, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, clock_timestamp())`,
    [
      event.subscriptionId,
      event.actor.accountId,
      ...actorColumns(event.actor),
      event.type,
      event.reasonId ?? null,
      event.description ?? null,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.expiresFrom ?? null,
      event.expiresTo ?? null,
    ],
  );
}
