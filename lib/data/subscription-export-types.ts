// The export's shapes, shared by the dispatcher (subscription-export.ts), its two line sources
// (export-copy, export-keyset) and the CSV writer, so none of them imports another.

export const EXPORT_ORDER = "ORDER BY c.search_text, c.id, s.serial_number";

// Instants travel as epoch milliseconds (float8): the CSV wants only their São Paulo dates, and
// the status rule compares them with "now" in milliseconds.
const epochMs = (column: string) => `date_part('epoch', ${column}) * 1000`;

/**
 * The fields of an export line, in order (lib/export/subscription-csv-rows.ts reads them by
 * position). Motivo and its description are sent for every serial; the writer shows them only for
 * suspended or cancelled ones.
 */
export const EXPORT_FIELDS = [
  ["customer_name", "c.name"],
  ["customer_document", "c.document"],
  ["customer_type", "c.type"],
  ["customer_city", "c.city"],
  ["customer_state", "c.state"],
  ["serial_number", "s.serial_number"],
  ["product", "s.product"],
  ["plan", "s.plan"],
  ["status", "s.status"],
  ["billing_state", "s.billing_state"],
  ["started_at", epochMs("s.started_at")],
  ["expires_at", epochMs("s.expires_at")],
  ["block_description", "s.block_description"],
  ["reason_label", "{{reason}}"],
  ["machine_name", "a.machine_name"],
  ["activated_at", epochMs("a.activated_at")],
  ["last_seen_at", epochMs("a.last_seen_at")],
  ["grace_days", "m.grace_days"],
  ["swaps_30d", "{{swaps}}"],
] as const;

export type ExportField = (typeof EXPORT_FIELDS)[number][0];

/** A line of COPY's text format (ending with \n) handed over in place: valid only during the call. */
export type ExportLineHandler = (bytes: Buffer, start: number, end: number) => void;

/** The export's lines, pushed in order; pause() and resume() let a slow client hold them back. */
export interface ExportLineSource {
  /** Starts pushing lines to `onLine`. */
  start(onLine: ExportLineHandler): void;
  pause(): void;
  resume(): void;
  /** Settles after the last line; rejects when reading fails (the file is then cut short). */
  readonly finished: Promise<void>;
  /** Stops early: the database work ends and the connection is given back. Idempotent. */
  close(): Promise<void>;
}

export type ExportQueryOptions = {
  now: Date;
  /** Rows per keyset batch (PGlite). */
  batchSize?: number;
  /** The interface's language: the reasons' labels follow it. */
  locale?: string;
};
