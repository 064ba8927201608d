// The export on embedded PGlite: keyset batches on (customer search_text, customer id, serial
// number). PGlite is one session shared by the whole process, so the export runs short queries
// and holds nothing (statement, cursor, transaction) between them — a long COPY or an open cursor
// would stall every page meanwhile. Each row is written as the COPY text line PostgreSQL would
// send, so the same CSV writer reads both.
import { copyTextLine } from "@/lib/csv/copy-text";
import type { SqlClient } from "@/lib/db/sql-client";
import type { SqlParams } from "./sql-params";
import { EXPORT_FIELDS, type ExportLineSource, type ExportQueryOptions } from "./subscription-export-types";
import { readAhead } from "./subscription-export-reader";

/** Rows per query, and queries read ahead of the writer (the database works while Node writes). */
export const KEYSET_BATCH_SIZE = 2000;
const READ_AHEAD = 2;

type KeysetRow = Record<string, string | number | null> & { key_text: string; key_customer: string; serial_number: string };

type ExportQuery = { select: string; conditions: string[]; params: SqlParams; order: string };

export async function openKeysetExport(
  sql: SqlClient,
  { select, conditions, params, order }: ExportQuery,
  options: ExportQueryOptions,
): Promise<ExportLineSource> {
  const batchSize = options.batchSize ?? KEYSET_BATCH_SIZE;
  const where = conditions.join("\n   AND ");
  const values = [...params.values, batchSize];
  const limit = `$${values.length}`;
  const key = (n: number) => `$${values.length + n}`;
  const firstText = `${select}\n WHERE ${where}\n ${order}\n LIMIT ${limit}`;
  // Serial numbers are unique, so (search_text, id, serial_number) orders the rows totally.
  const nextText = `${select}
 WHERE ${where}
   AND (c.search_text, c.id, s.serial_number) > (${key(1)}, ${key(2)}::uuid, ${key(3)})
 ${order}
 LIMIT ${limit}`;
  const fetchAfter = (last: KeysetRow | null) =>
    last
      ? sql.query<KeysetRow>(nextText, [...values, last.key_text, last.key_customer, last.serial_number])
      : sql.query<KeysetRow>(firstText, values);

  const stop = new AbortController();
  const batches = readAhead(fetchAfter, { batchSize, depth: READ_AHEAD, signal: stop.signal });
  // The first batch is read before answering: a failing query is an error response, not a cut file.
  const first = await batches.next();
  let batch: KeysetRow[] = first.done ? [] : first.value;
  let index = 0;
  let onLine: Parameters<ExportLineSource["start"]>[0] | null = null;
  let paused = false;
  let closed = false;
  let pumping = false;
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));

  // Hands lines over until paused, closed or done; resume() starts it again.
  const pump = async () => {
    if (pumping || !onLine) return;
    pumping = true;
    try {
      while (!paused && !closed) {
        if (index < batch.length) {
          const line = Buffer.from(copyTextLine(EXPORT_FIELDS.map(([name]) => batch[index]![name])), "utf8");
          index++;
          onLine(line, 0, line.length);
          continue;
        }
        const next = await batches.next();
        if (next.done) {
          if (!closed) settle.resolve();
          return;
        }
        [batch, index] = [next.value, 0];
      }
    } catch (error) {
      if (!closed) settle.reject(error);
    } finally {
      pumping = false;
    }
  };

  return {
    start(handler) {
      onLine = handler;
      void pump();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      void pump();
    },
    finished,
    async close() {
      if (closed) return;
      closed = true;
      settle.resolve();
      // No query starts after the one in flight.
      stop.abort();
      await batches.return(undefined).catch(() => undefined);
    },
  };
}
