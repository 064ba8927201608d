// An export on embedded PGlite: keyset batches — for the subscriptions, on (customer search_text,
// customer id, serial number); another export (Histórico da conta) brings its own key. PGlite is one session shared by the whole process, so the export runs short queries
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

type KeysetRow = Record<string, string | number | null>;

/** How batches follow each other: the line's fields, the key of a row, the condition "after that key". */
export type KeysetSpec = {
  fields: readonly string[];
  keyOf: (row: KeysetRow) => unknown[];
  /** Given the key's placeholders ($n), the condition selecting the rows after it in `order`. */
  after: (placeholders: string[]) => string;
};

// Serial numbers are unique, so (search_text, id, serial_number) orders the rows totally.
const SUBSCRIPTION_KEYSET: KeysetSpec = {
  fields: EXPORT_FIELDS.map(([name]) => name),
  keyOf: (row) => [row.key_text, row.key_customer, row.serial_number],
  after: ([text, customer, serial]) => `(c.search_text, c.id, s.serial_number) > (${text}, ${customer}::uuid, ${serial})`,
};

type ExportQuery = { select: string; conditions: string[]; params: SqlParams; order: string; keyset?: KeysetSpec };

export async function openKeysetExport(
  sql: SqlClient,
  { select, conditions, params, order, keyset = SUBSCRIPTION_KEYSET }: ExportQuery,
  options: ExportQueryOptions,
): Promise<ExportLineSource> {
  const batchSize = options.batchSize ?? KEYSET_BATCH_SIZE;
  const where = conditions.join("\n   AND ");
  const values = [...params.values, batchSize];
  const limit = `$${values.length}`;
  const firstText = `${select}\n WHERE ${where}\n ${order}\n LIMIT ${limit}`;
  const fetchAfter = (last: KeysetRow | null) => {
    if (!last) return sql.query<KeysetRow>(firstText, values);
    const key = keyset.keyOf(last);
    const placeholders = key.map((_, n) => `$${values.length + n + 1}`);
    const nextText = `${select}\n WHERE ${where}\n   AND ${keyset.after(placeholders)}\n ${order}\n LIMIT ${limit}`;
    return sql.query<KeysetRow>(nextText, [...values, ...key]);
  };
  const { fields } = keyset;

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
          const line = Buffer.from(copyTextLine(fields.map((name) => batch[index]![name])), "utf8");
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
