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
  await insertSubscriptionEvents(tx, [event]);
}

/** Many events in one statement (an import batch), in the array's order. */
export async function insertSubscriptionEvents(tx: SqlClient, events: SubscriptionEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const columns = events.map((event) => [
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
  ]);
  const column = (index: number) => columns.map((row) => row[index]);
  await tx.query(
    `INSERT INTO subscription_events
       (subscription_id, account_id, actor_kind, actor_user_id, actor_label, type, reason_id, description,
        from_status, to_status, expires_from, expires_to, created_at)
     SELECT e.subscription_id, e.account_id, e.actor_kind::"ActorKind", e.actor_user_id, e.actor_label, e.type::"EventType",
            e.reason_id, e.description, e.from_status::"SubscriptionStatus", e.to_status::"SubscriptionStatus",
            e.expires_from, e.expires_to, clock_timestamp()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::text[],
                   $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[])
         WITH ORDINALITY AS e(subscription_id, account_id, actor_kind, actor_user_id, actor_label, type, reason_id, description,
                             from_status, to_status, expires_from, expires_to, n)
      ORDER BY e.n`,
    Array.from({ length: 12 }, (_, index) => column(index)),
  );
}
