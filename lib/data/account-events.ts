// The account's administration log (DESIGN.md §6): every membership, profile, invitation,
// password, API key and webhook change writes one row, in the same transaction as the change.
import type { SqlClient } from "@/lib/db/sql-client";

export type AccountEventActor = { kind: "USER"; userId: string } | { kind: "SYSTEM" } | { kind: "API_KEY"; label: string };

export type AccountEventInput = {
  accountId: string;
  actor: AccountEventActor;
  /** Dotted name of what happened, e.g. "member.profiles_changed", "invitation.created". */
  type: string;
  target: { type: string; id?: string | null; label?: string | null };
  before?: unknown;
  after?: unknown;
};

export type AccountEventRow = {
  id: string;
  type: string;
  actorKind: AccountEventActor["kind"];
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

/** Writes one account event on `tx` — call it inside the transaction of the change it records. */
export async function recordAccountEvent(tx: SqlClient, event: AccountEventInput): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO account_events (account_id, actor_kind, actor_user_id, actor_label, type, target_type, target_id, target_label, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)
     RETURNING id`,
    [
      event.accountId,
      event.actor.kind,
      event.actor.kind === "USER" ? event.actor.userId : null,
      event.actor.kind === "API_KEY" ? event.actor.label : null,
      event.type,
      event.target.type,
      event.target.id ?? null,
      event.target.label ?? null,
      event.before === undefined ? null : JSON.stringify(event.before),
      event.after === undefined ? null : JSON.stringify(event.after),
    ],
  );
  return row!.id;
}

/** The account's newest events, optionally about one target (e.g. a member's recent changes). */
export async function listAccountEvents(
  sql: SqlClient,
  accountId: string,
  options: { target?: { type: string; id: string }; limit?: number } = {},
): Promise<AccountEventRow[]> {
  const params: unknown[] = [accountId];
  let where = "e.account_id = $1";
  if (options.target) {
    params.push(options.target.type, options.target.id);
    where += " AND e.target_type = $2 AND e.target_id = $3";
  }
  params.push(Math.min(Math.max(options.limit ?? 20, 1), 200));
  const rows = await sql.query<{
    id: string;
    type: string;
    actor_kind: AccountEventActor["kind"];
    actor_name: string | null;
    target_type: string;
    target_id: string | null;
    target_label: string | null;
    before: unknown;
    after: unknown;
    created_at: Date;
  }>(
    `SELECT e.id, e.type, e.actor_kind, COALESCE(u.name, e.actor_label) AS actor_name, e.target_type, e.target_id,
            e.target_label, e.before, e.after, e.created_at
       FROM account_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE ${where}
      ORDER BY e.seq DESC
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    actorKind: row.actor_kind,
    actorName: row.actor_name,
    targetType: row.target_type,
    targetId: row.target_id,
    targetLabel: row.target_label,
    before: row.before,
    after: row.after,
    createdAt: new Date(row.created_at),
  }));
}
