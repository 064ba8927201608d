// Histórico da conta: one page of the account's events, newest first, as a keyset walk on
// (created_at, seq) — page 500 costs what page 1 costs. Several action types are walked each on
// its own index range and merged (PostgreSQL 15 can't walk `type = ANY(…)` in order).
import { getSql } from "@/lib/db/connection";
import type { HistoryFilters } from "@/lib/validation/history-filters";
import { actorNameExpression, HISTORY_JOINS, historyConditions } from "./account-history-sql";
import { SqlParams } from "./sql-params";
import type { SubscriptionScope } from "./subscription-scope";

export type HistoryEventRow = {
  seq: string;
  createdAt: Date;
  type: string;
  actorKind: "USER" | "SYSTEM" | "DESKTOP" | "API_KEY";
  /** The person, key, computer or (for a lojista) manufacturer that acted; null for the system. */
  actorName: string | null;
  serialNumber: string;
  customerName: string;
  customerDocument: string;
  reason: string | null;
  description: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  machineName: string | null;
  /** A renewal's expiry before and after; a new subscription's first expiry (expiresTo). */
  expiresFrom: Date | null;
  expiresTo: Date | null;
};

export type HistoryPage = {
  events: HistoryEventRow[];
  /** seq of the newest event shown, for "newer" (null when this is the first page). */
  newerCursor: string | null;
  /** seq of the oldest event shown, for "older" (null when nothing older matches). */
  olderCursor: string | null;
};

type KeyRow = { seq: string; created_at: Date };

export async function listAccountHistory(scope: SubscriptionScope, filters: HistoryFilters): Promise<HistoryPage> {
  const sql = await getSql();
  const params = new SqlParams();
  const conditions = historyConditions(scope, filters, params);
  const backwards = Boolean(filters.depois);
  const cursor = filters.depois ?? filters.antes;
  if (cursor) {
    const position = `(SELECT k.created_at, k.seq FROM subscription_events k WHERE k.seq = ${params.add(cursor)}::bigint)`;
    conditions.push(`(e.created_at, e.seq) ${backwards ? ">" : "<"} ${position}`);
  }
  const direction = backwards ? "ASC" : "DESC";
  const order = `ORDER BY created_at ${direction}, seq ${direction}`;
  const limit = params.add(filters.porPagina + 1);
  const walk = (extra: string | null) =>
    `SELECT e.seq, e.created_at FROM subscription_events e
      WHERE ${[...conditions, ...(extra ? [extra] : [])].join("\n        AND ")}
      ORDER BY e.created_at ${direction}, e.seq ${direction} LIMIT ${limit}`;
  const keys =
    filters.acao.length <= 1
      ? walk(filters.acao.length ? `e.type = ${params.add(filters.acao[0])}::"EventType"` : null)
      : `SELECT * FROM (${filters.acao.map((type) => `(${walk(`e.type = ${params.add(type)}::"EventType"`)})`).join("\n UNION ALL ")}) t
          ${order} LIMIT ${limit}`;
  const rows = await sql.query<KeyRow & Omit<HistoryEventRow, "seq" | "createdAt">>(
    `WITH page AS MATERIALIZED (${keys})
     SELECT p.seq::text AS seq, p.created_at, e.type, e.actor_kind AS "actorKind", ${actorNameExpression(scope)} AS "actorName",
            s.serial_number AS "serialNumber", c.name AS "customerName", c.document AS "customerDocument",
            r.label AS reason, e.description, e.from_status AS "fromStatus", e.to_status AS "toStatus",
            a.machine_name AS "machineName", e.expires_from AS "expiresFrom", e.expires_to AS "expiresTo"
       FROM page p
       JOIN subscription_events e ON e.seq = p.seq
       ${HISTORY_JOINS}
      ORDER BY p.created_at ${direction}, p.seq ${direction}`,
    params.values,
  );
  const more = rows.length > filters.porPagina;
  const shown = rows.slice(0, filters.porPagina);
  if (backwards) shown.reverse();
  const events = shown.map(({ seq, created_at, ...rest }) => ({ seq, createdAt: created_at, ...rest }));
  const newest = events[0]?.seq ?? null;
  const oldest = events.at(-1)?.seq ?? null;
  return {
    events,
    newerCursor: backwards ? (more ? newest : null) : cursor ? newest : null,
    olderCursor: backwards ? oldest : more ? oldest : null,
  };
}

/** The people of the account, for the "who" filter (a manufacturer's only: a lojista never sees them). */
export async function historyPeople(scope: SubscriptionScope): Promise<{ id: string; name: string }[]> {
  if (scope.kind !== "manufacturer") return [];
  const sql = await getSql();
  return sql.query<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM memberships mb JOIN users u ON u.id = mb.user_id WHERE mb.account_id = $1 ORDER BY u.name, u.id`,
    [scope.accountId],
  );
}
