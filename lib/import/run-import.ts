// Importar (CSV) from a spooled file: reads it in batches, checks each row, plans (dry run) or
// applies each batch in its own transaction, and reports as it goes: progress, every row issue,
// each batch's outcome, and the totals. Nothing of the file is kept in memory beyond one batch.
import { manufacturerProducts } from "@/lib/data/subscription-products";
import { ImportBatchConflict, SubscriptionImport, type ImportCounts } from "@/lib/data/subscription-import";
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/errors";
import { parseImportRow, type ImportRow, type RowIssue } from "@/lib/validation/import-row";
import { IMPORT_FIELDS, mapColumns, type ColumnMap, type ImportField } from "./import-columns";
import { readCsvBatches } from "./read-csv-rows";

export const IMPORT_BATCH_SIZE = 500;

export type BatchReport = { fromLine: number; toLine: number; rows: number; applied: boolean };

export type ImportEvents = {
  onColumns?: (columns: ColumnMap) => void;
  onIssue: (issue: RowIssue, column: string | null) => void;
  onBatch?: (batch: BatchReport, counts: ImportCounts) => void;
};

export type ImportSummary = { counts: ImportCounts; batches: { applied: number; failed: BatchReport[] } };

/** The header's columns, or a 400 when the file can't be an import (no CNPJ/CPF column). */
export function checkColumns(headers: string[]): ColumnMap {
  const columns = mapColumns(headers);
  if (columns.index.document === undefined) {
    throw AppError.withMessage("VALIDATION", "subscriptions.import.errors.noDocumentColumn");
  }
  return columns;
}

export async function runImport(options: {
  file: string;
  manufacturerId: string;
  actor: Actor;
  apply: boolean;
  events: ImportEvents;
  batchSize?: number;
  /** The database (the process's by default). */
  sql?: SqlClient;
}): Promise<ImportSummary> {
  const sql = options.sql ?? (await getSql());
  const session = new SubscriptionImport(options.manufacturerId, options.actor, options.apply, await manufacturerProducts(sql, options.manufacturerId));
  const failed: BatchReport[] = [];
  let applied = 0;
  let columns: ColumnMap | null = null;
  const columnOf = (field: ImportField | null) => (field ? (columns?.header[field] ?? field) : null);

  await readCsvBatches(
    options.file,
    options.batchSize ?? IMPORT_BATCH_SIZE,
    (headers) => {
      columns = checkColumns(headers);
      options.events.onColumns?.(columns);
    },
    async (records) => {
      if (records.length === 0) return;
      const rows: ImportRow[] = [];
      for (const record of records) {
        const cells: Partial<Record<ImportField, string>> = {};
        for (const field of IMPORT_FIELDS) {
          const index = columns!.index[field];
          if (index !== undefined) cells[field] = record.cells[index];
        }
        const parsed = parseImportRow(record.line, cells);
        if (parsed.row) rows.push(parsed.row);
        else {
          session.counts.rows++;
          session.counts.invalid++;
          for (const issue of parsed.issues) options.events.onIssue(issue, columnOf(issue.field));
        }
      }
      const batch: BatchReport = {
        fromLine: records[0]!.line,
        toLine: records.at(-1)!.line,
        rows: records.length,
        applied: options.apply,
      };
      try {
        const { issues } = options.apply
          ? await sql.transaction((tx) => session.processBatch(tx, rows))
          : await session.processBatch(sql, rows);
        for (const issue of issues) options.events.onIssue(issue, columnOf(issue.field));
        if (options.apply) applied++;
      } catch (error) {
        // The batch's transaction rolled back: none of its rows were written; the next batches go on.
        if (!(error instanceof ImportBatchConflict)) console.error("[import] batch failed:", error);
        batch.applied = false;
        failed.push(batch);
      }
      options.events.onBatch?.(batch, session.counts);
    },
  );
  return { counts: session.counts, batches: { applied, failed } };
}
