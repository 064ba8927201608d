// Histórico da conta → Exportar: every event the filters select (all pages), newest first, as
// lines of COPY's text format for the CSV writer — one COPY statement on PostgreSQL, keyset
// batches on (created_at, seq) on embedded PGlite, like the subscription export.
import { getDatabase } from "@/lib/db/connection";
import type { HistoryFilters } from "@/lib/validation/history-filters";
import {
  actorNameExpression,
  HISTORY_JOINS,
  HISTORY_ORDER,
  historyConditions,
  historyTypeCondition,
} from "./account-history-sql";
import { SqlParams } from "./sql-params";
import { openCopyExport } from "./subscription-export-copy";
import { openKeysetExport, type KeysetSpec } from "./subscription-export-keyset";
import type { ExportLineSource } from "./subscription-export-types";
import type { SubscriptionScope } from "./subscription-scope";

/** The fields of an events export line, in order (lib/export/history-csv-rows.ts reads them by position). */
export const HISTORY_EXPORT_FIELDS = [
  "created_at_local",
  "type",
  "actor_kind",
  "actor_name",
  "serial_number",
  "customer_name",
  "customer_document",
  "product",
  "from_status",
  "to_status",
  "reason_label",
  "description",
  "machine_name",
] as const;

const HISTORY_KEYSET: KeysetSpec = {
  fields: HISTORY_EXPORT_FIELDS,
  keyOf: (row) => [row.key_at, row.key_seq],
  after: ([at, seq]) => `(e.created_at, e.seq) < (${at}::timestamptz, ${seq}::bigint)`,
};

/** The export's SELECT; also what the benchmark hands to psql's \copy as PostgreSQL's own floor. */
export function historyExportSql(scope: SubscriptionScope, filters: HistoryFilters, options: { keyset?: boolean } = {}) {
  const params = new SqlParams();
  const conditions = historyConditions(scope, filters, params);
  const type = historyTypeCondition(filters, params);
  if (type) conditions.push(type);
  // The São Paulo wall-clock time, written by the database: dd/mm/aaaa hh:mm:ss.
  const columns = [
    `to_char(e.created_at AT TIME ZONE 'America/Sao_Paulo', 'DD/MM/YYYY HH24:MI:SS') AS created_at_local`,
    "e.type",
    "e.actor_kind",
    `${actorNameExpression(scope)} AS actor_name`,
    "s.serial_number",
    "c.name AS customer_name",
    "c.document AS customer_document",
    "s.product",
    "e.from_status",
    "e.to_status",
    "r.label AS reason_label",
    "e.description",
    "a.machine_name",
  ];
  if (options.keyset) columns.push("e.created_at AS key_at", "e.seq::text AS key_seq");
  const select = `SELECT ${columns.join(",\n       ")}
  FROM subscription_events e
  ${HISTORY_JOINS}`;
  return { select, conditions, params, order: HISTORY_ORDER };
}

/** Opens the export: resolves once the database has accepted the query, before any row is read. */
export async function openHistoryExport(scope: SubscriptionScope, filters: HistoryFilters): Promise<ExportLineSource> {
  const database = await getDatabase();
  if (database.target.kind === "postgres") {
    const { select, conditions, params, order } = historyExportSql(scope, filters);
    return openCopyExport(database.target.url, `${select}\n WHERE ${conditions.join("\n   AND ")}\n ${order}`, params.values);
  }
  return openKeysetExport(
    database.sql,
    { ...historyExportSql(scope, filters, { keyset: true }), keyset: HISTORY_KEYSET },
    {
      now: new Date(),
    },
  );
}
